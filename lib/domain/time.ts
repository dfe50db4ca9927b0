// GoodJob stores UTC in `timestamp without time zone`; the driver hands us its text ('2026-03-06 20:06:07.190828').

const DB_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?$/;

/**
 * Parses a database timestamp text as UTC. Returns null for null, for text that is not a timestamp, and for one that
 * names no real moment (`2026-02-30 25:61:61`: JavaScript would roll it over, PostgreSQL refuses it).
 */
export function parseDbTime(value: string | null | undefined): Date | null {
  if (value == null) return null;
  const m = DB_TIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y); // years 0–99 are not 1900–1999
  const real = y >= 1 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
  return real ? date : null;
}

/** GoodJob's way of printing a time: `2026-03-06 20:06:07 UTC` (fraction truncated, as Ruby's Time#to_s does). */
export function formatUtcSeconds(value: string): string {
  const m = DB_TIME.exec(value);
  if (!m) return value;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]} UTC`;
}

/** A JS date as database timestamp text in UTC, for query parameters: `2026-03-06 20:06:07.190`. */
export function toDbTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A database timestamp as ActiveJob (Rails 7.1+) writes `enqueued_at`: ISO 8601 UTC with nanoseconds and `Z`. */
export function activeJobTime(value: string): string {
  const m = DB_TIME.exec(value);
  if (!m) throw new Error(`not a timestamp: ${value}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${(m[7] ?? '').padEnd(6, '0')}000Z`;
}

/** A database timestamp as ActiveSupport's JSON writes a time (milliseconds), for GoodJob's NOTIFY payload. */
export function jsonTime(value: string): string {
  const m = DB_TIME.exec(value);
  if (!m) throw new Error(`not a timestamp: ${value}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${(m[7] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

/**
 * A database timestamp written the way `like` was (an `enqueued_at` from an earlier ActiveJob): the same number of
 * fraction digits, none for Rails before 7.1 (`2026-11-22T12:09:00Z`), nine for later (`…:00.123456000Z`).
 */
export function activeJobTimeLike(value: string, like: unknown): string {
  const full = activeJobTime(value);
  const digits = typeof like === 'string' ? (/\.(\d+)Z$/.exec(like)?.[1]?.length ?? (/T\d{2}:\d{2}:\d{2}Z$/.test(like) ? 0 : 9)) : 9;
  const [head, fraction] = full.slice(0, -1).split('.') as [string, string];
  return digits === 0 ? `${head}Z` : `${head}.${fraction.padEnd(digits, '0').slice(0, digits)}Z`;
}
