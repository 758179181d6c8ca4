// conform's get*Props include `key`, which React must not receive through a spread
// (React 18.3 warns). Pass the key directly (`key={field.key}`) and spread the rest.
export function withoutKey<T extends { key?: unknown }>(props: T): Omit<T, "key"> {
  const { key: _key, ...rest } = props;
  return rest;
}
