/** A path with the given query parameters; null or empty values are left out. */
export function hrefWith(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * A single query parameter's value (the first one when repeated), without NUL characters: PostgreSQL text cannot
 * hold them, so a `%00` in a filter would otherwise turn a harmless request into a database error.
 */
export function firstParam(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.replaceAll('\u0000', '');
}
