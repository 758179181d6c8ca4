// The one check for every "where to go next" that comes from outside (redirectTo in sign-in,
// sign-up, confirmation, invitations; a notification's link): only a path on this site.
// Anything else — another host, a scheme, a protocol-relative `//host`, a backslash (browsers read
// `/\host` as `//host`), a tab or newline (browsers drop them, so `/\t/host` becomes `//host`; a
// newline in a Location header is a 500), or any of these percent-encoded — gives the fallback.

// C0 controls, DEL, C1 controls, and the backslash.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
const MAX_LENGTH = 2000;
// Decoding more than a few layers deep serves no legitimate link.
const MAX_DECODE_ROUNDS = 3;

/** The value decoded until stable (at most a few rounds); null when it is not valid encoding. */
function decodedForms(value: string): string[] | null {
  const forms = [value];
  let current = value;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) break;
    forms.push(next);
    current = next;
  }
  return forms;
}

function looksSafe(form: string): boolean {
  return form.startsWith("/") && !form.startsWith("//") && !FORBIDDEN.test(form);
}

/**
 * `to` when it is a path on this site, else `fallback`. `base` is the app's address (APP_URL);
 * the value is parsed against it and must keep its origin. Returns the normalised path + query +
 * hash, never the raw input.
 */
export function safeRedirect(
  to: FormDataEntryValue | string | null | undefined,
  fallback = "/",
  base = "http://localhost:3000",
): string {
  if (typeof to !== "string" || to === "" || to.length > MAX_LENGTH) return fallback;
  const forms = decodedForms(to);
  if (!forms || !forms.every(looksSafe)) return fallback;
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(base).origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return looksSafe(path) ? path : fallback;
}
