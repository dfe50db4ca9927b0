// GoodJob's recorded database (e2e/fixtures/goodjob-real.sql and lib/db/seed/goodjob-real-inserts.sql) holds absolute
// times: "scheduled in 1 day" is 2026-11-23. Loaded as recorded, those jobs turn queued a week later, the running job
// becomes days old and every relative time reads "a year ago". Whatever loads it (database tests, the e2e server, the
// embedded demo) moves every timestamp in its text by one whole number of seconds, so that the recording moment
// becomes "now": column values (COPY or INSERT) and the times inside JSON (serialized_params.enqueued_at, the process
// state's scheduler times) alike. Whole seconds keep the sub-second digits as GoodJob wrote them.

/** When the dump was taken (e2e/fixtures/README.md): the running job had been running for about 1.2 s. */
export const RECORDED_AT = new Date('2026-11-22T12:09:47.500Z');

/** `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DDTHH:MM:SS`; what follows (fraction, `Z`) is left as it is. */
const TIMESTAMP = /\b(\d{4})-(\d{2})-(\d{2})([ T])(\d{2}):(\d{2}):(\d{2})(?!\d)/g;

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** The whole seconds that take the recording moment to `now`. */
export function shiftSecondsTo(now, recordedAt = RECORDED_AT) {
  return Math.round((now.getTime() - recordedAt.getTime()) / 1000);
}

/** Moves one `YYYY-MM-DD[ T]HH:MM:SS` text by whole seconds (read and written as UTC, as GoodJob stores it). */
function shiftOne(match, y, mo, d, sep, h, mi, s, seconds) {
  const t = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + seconds * 1000);
  if (Number.isNaN(t.getTime())) return match;
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  return `${date}${sep}${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** The SQL text with every timestamp in it moved by `seconds` (an integer). */
export function shiftSqlTimes(sql, seconds) {
  if (!Number.isInteger(seconds)) throw new Error(`shiftSqlTimes: whole seconds only, got ${seconds}`);
  if (seconds === 0) return sql;
  return sql.replace(TIMESTAMP, (match, y, mo, d, sep, h, mi, s) => shiftOne(match, y, mo, d, sep, h, mi, s, seconds));
}

/** The recorded SQL as if it had been recorded at `now`. */
export function recordedSqlAt(sql, now = new Date()) {
  return shiftSqlTimes(sql, shiftSecondsTo(now));
}
