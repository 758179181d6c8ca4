// Links that keep a list's filters: the list's path with its query, some parameters changed.

/** `path` with `search`, where each of `changes` sets (a string) or removes (null) a parameter. */
export function hrefWith(path: string, search: URLSearchParams, changes: Record<string, string | null> = {}): string {
  const next = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

/** Page `page` of the list at `path` filtered by `search` (`?seite=`; page 1 has none). */
export function pageHref(path: string, search: URLSearchParams, page: number): string {
  return hrefWith(path, search, { seite: page > 1 ? String(page) : null });
}

/** The query of a filtered list: each set value as a parameter, in the order given. */
export function searchOf(values: Record<string, string | null | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) search.set(key, value);
  return search;
}
