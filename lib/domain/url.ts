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

/** Names in a path segment (a cron key, a job class) are at most this long; GoodJob's own are far shorter. */
const MAX_PATH_NAME = 1024;

/**
 * A name from a path segment our links percent-encode (a cron key, a job class): null — no such name — for a malformed
 * encoding, an empty or over-long name, or a NUL (PostgreSQL text cannot hold one; see firstParam).
 */
export function nameFromPath(param: string): string | null {
  try {
    const name = decodeURIComponent(param);
    return name.length > 0 && name.length <= MAX_PATH_NAME && !name.includes('\u0000') ? name : null;
  } catch {
    return null;
  }
}
