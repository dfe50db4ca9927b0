// The batches list's filters, as they live in the URL. Pure: the SQL is batchFilterSql in lib/queries/batches.ts.
import { BATCH_STATES, type BatchState } from './batch-state';
import { firstParam } from './url';
import { boundedCache, remembered } from '../cache/lru';

export interface BatchFilter {
  state?: BatchState | null;
  /** Text in the description, or a batch id (whole, or its first characters). */
  search?: string | null;
  /** A callback job class: batches that name it as on_finish, on_success or on_discard. */
  callback?: string | null;
  /** Created at or after this moment (inclusive). */
  createdAfter?: Date | null;
  /** Created before this moment (exclusive). */
  createdBefore?: Date | null;
}

export interface BatchListQuery {
  filter: Required<BatchFilter>;
  /** The filter as URL parameters, each as it was given, for links that keep it (the pager). */
  params: Record<string, string | null>;
  /** The created-at bounds as `<input type="datetime-local">` values: wall-clock time in the page's time zone. */
  inputs: { createdAfter: string | null; createdBefore: string | null };
}

const MAX_SEARCH = 200;
/** Class names are at most this long in the URL (as in the jobs list's filters). */
const MAX_CLASS = 1024;

const text = (value: string | string[] | undefined, max: number) => {
  const v = firstParam(value)?.trim();
  return v ? v.slice(0, max) : null;
};

export function parseBatchFilter(query: Record<string, string | string[] | undefined>, timeZone: string): BatchListQuery {
  const stateParam = firstParam(query.state);
  const state = (BATCH_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as BatchState) : null;
  const search = text(query.q, MAX_SEARCH);
  const callback = text(query.callback, MAX_CLASS);
  const afterParam = firstParam(query.created_after)?.trim() ?? '';
  const beforeParam = firstParam(query.created_before)?.trim() ?? '';
  const createdAfter = parseCreatedAt(afterParam, timeZone);
  const createdBefore = parseCreatedAt(beforeParam, timeZone);
  return {
    filter: { state, search, callback, createdAfter, createdBefore },
    params: { state, q: search, callback, created_after: createdAfter && afterParam, created_before: createdBefore && beforeParam },
    inputs: { createdAfter: createdAfter && wallClock(createdAfter, timeZone), createdBefore: createdBefore && wallClock(createdBefore, timeZone) },
  };
}

// `2026-12-01`, `2026-12-01T10:00` (what datetime-local sends), with seconds and a fraction, or with a zone.
const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * A created-at bound from the URL. Without a zone it is wall-clock time in `timeZone` (the zone the page shows times
 * in); with one (`Z`, `+09:00`) it is that moment. A time that does not exist there (skipped by a daylight-saving
 * change) is read with the offset before the change, a repeated one as its first occurrence. A fraction is cut to
 * milliseconds. Anything else (`yesterday`, `2026-02-30`, `24:00`, a year beyond 9999) is null: no filter.
 */
export function parseCreatedAt(value: string, timeZone: string): Date | null {
  const m = MOMENT.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  const local = utcFromParts(y, mo, d, h, mi, s, ms);
  if (local === null) return null;
  const zone = m[8];
  let at: number;
  if (zone === undefined) at = zonedToUtc(local, timeZone);
  else if (zone === 'Z') at = local;
  else {
    const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
    if (oh > 23 || om > 59) return null;
    at = local - (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000;
  }
  const date = new Date(at);
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999 ? date : null;
}

/** A moment as datetime-local text in `timeZone`: `2026-12-01T10:00`, with seconds (and milliseconds) only when set. */
export function wallClock(date: Date, timeZone: string): string {
  const p = partsIn(date.getTime(), timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const ms = date.getTime() - Math.floor(date.getTime() / 1000) * 1000;
  const seconds = p.s || ms ? `:${pad(p.s)}${ms ? `.${pad(ms, 3)}` : ''}` : '';
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}${seconds}`;
}

/** Milliseconds since the epoch of these fields read as UTC; null when they name no real time (no rollover). */
function utcFromParts(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  const date = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  date.setUTCFullYear(y); // years 0–99 are not 1900–1999
  const real = y >= 1 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
  return real ? date.getTime() : null;
}

const formatters = boundedCache<Intl.DateTimeFormat>(100);
const PARTS = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' } as const;

/** Kept only under zones that exist: an unknown name is UTC's, so no query value adds an entry of its own. */
function formatIn(timeZone: string): Intl.DateTimeFormat {
  const known = formatters.get(timeZone);
  if (known) return known;
  try {
    return remembered(formatters, timeZone, () => new Intl.DateTimeFormat('en-US', { ...PARTS, timeZone }));
  } catch {
    return remembered(formatters, 'UTC', () => new Intl.DateTimeFormat('en-US', { ...PARTS, timeZone: 'UTC' }));
  }
}

function partsIn(time: number, timeZone: string) {
  const format = formatIn(timeZone);
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(time)) p[part.type] = Number(part.value);
  return { y: p.year ?? 0, mo: p.month ?? 1, d: p.day ?? 1, h: p.hour ?? 0, mi: p.minute ?? 0, s: p.second ?? 0 };
}

/** The zone's offset from UTC at `time`, in milliseconds (whole seconds: the zone's own resolution). */
function offsetAt(time: number, timeZone: string): number {
  const p = partsIn(time, timeZone);
  const wall = new Date(Date.UTC(2000, p.mo - 1, p.d, p.h, p.mi, p.s));
  wall.setUTCFullYear(p.y);
  return wall.getTime() - Math.floor(time / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/** The moment whose wall-clock time in `timeZone` is `local` (wall-clock fields read as UTC). */
function zonedToUtc(local: number, timeZone: string): number {
  const before = offsetAt(local - DAY_MS, timeZone);
  const after = offsetAt(local + DAY_MS, timeZone);
  const fits = [local - before, local - after].filter((t) => t + offsetAt(t, timeZone) === local);
  return fits.length > 0 ? Math.min(...fits) : local - before;
}
