// Times, durations and counts for people. Intl formatters are costly to build (a few hundred microseconds each) and
// a page prints dozens of values, so each one is built once per process and reused.
import { boundedCache, remembered } from '../cache/lru';

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat;
const formatters = boundedCache<Formatter>(500);

const memo = <T extends Formatter>(key: string, make: () => T): T => remembered(formatters, key, make) as T;

/**
 * Exact times already written, by zone and second: a chart writes each bucket's bounds once per segment and a page the
 * same moments again and again, and formatToParts is the costliest call on those pages. Bounded.
 */
const exactTimes = boundedCache<string>(5_000);

/** Exact times: `2026-03-06 20:06:07 UTC`, or in another zone `2026-03-07 05:06:07 Asia/Tokyo`. */
export function formatExactTime(date: Date, timeZone: string): string {
  const key = `${timeZone}|${Math.floor(date.getTime() / 1000)}`;
  return remembered(exactTimes, key, () => writeExactTime(date, timeZone));
}

function writeExactTime(date: Date, timeZone: string): string {
  const format = memo(
    `exact|${timeZone}`,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of format.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${timeZone === 'UTC' || timeZone === 'Etc/UTC' ? 'UTC' : timeZone}`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = DAY * (365 / 12);
const YEAR = 365 * DAY;
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['second', 1, MINUTE],
  ['minute', MINUTE, HOUR],
  ['hour', HOUR, DAY],
  ['day', DAY, WEEK],
  ['week', WEEK, MONTH],
  ['month', MONTH, YEAR],
  ['year', YEAR, Infinity],
];

/**
 * `3 minutes ago`, `in 2 days`, `now` in the locale (next-intl's wording): the largest unit under which the distance
 * fits, or the next one when the rounded distance reaches it. One rounding rule for a whole table: 6.6 days is "1 week ago" like 7.2
 * days, never "7 days ago" beside it (next-intl picks the unit before rounding, and says both).
 */
export function formatRelativeTime(date: Date, now: Date, locale: string): string {
  const seconds = (date.getTime() - now.getTime()) / 1000;
  const abs = Math.abs(seconds);
  let index = UNITS.findIndex(([, , below]) => abs < below);
  if (index < 0) index = UNITS.length - 1;
  const [, fitting, below] = UNITS[index]!;
  if (Math.round(abs / fitting) * fitting >= below && index < UNITS.length - 1) index += 1;
  const [unit, size] = UNITS[index]!;
  const numeric = unit === 'second' ? 'auto' : 'always';
  return memo(`relative|${locale}|${numeric}`, () => new Intl.RelativeTimeFormat(locale, { numeric })).format(Math.round(seconds / size), unit);
}

/** A count in the locale: `1,234` / `1 234`. */
export function formatNumber(value: number, locale: string): string {
  return memo(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/**
 * How each language writes duration units so that all of them read alike. CLDR's short forms mix scripts in Japanese
 * and Korean ("14 ms" beside "5.58 秒", "14ms" beside "5.58초"); their long forms are as short and all native
 * ("14 ミリ秒", "5.58 秒"; "14밀리초", "5.58초").
 */
const UNIT_DISPLAY: Record<string, 'short' | 'long'> = { ja: 'long', ko: 'long' };

/** A duration for people, in the page's locale, in one style: `250 ms`, `1.23 sec`, `3.5 min`, `2.1 hr`. */
export function formatDuration(ms: number, locale: string): string {
  const unitDisplay = UNIT_DISPLAY[locale.split('-')[0]!] ?? 'short';
  const unit = (value: number, u: string, digits: number) =>
    memo(
      `duration|${locale}|${u}`,
      () => new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay, maximumFractionDigits: digits }),
    ).format(value);
  const abs = Math.abs(ms);
  if (abs < 1000) return unit(Math.round(ms), 'millisecond', 0);
  if (abs < 60_000) return unit(ms / 1000, 'second', 2);
  if (abs < 3_600_000) return unit(ms / 60_000, 'minute', 1);
  return unit(ms / 3_600_000, 'hour', 1);
}

/** PostgreSQL interval text (`00:00:00.197491`, `1 day 02:03:04`) in milliseconds; null when it is not one. */
export function parseIntervalMs(value: string | null): number | null {
  if (value === null) return null;
  const m = /^(?:(-?\d+) days? ?)?(-)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim());
  if (!m) return null;
  const sign = m[2] ? -1 : 1;
  const days = Number(m[1] ?? 0);
  return days * 86_400_000 + sign * ((Number(m[3]) * 3600 + Number(m[4]) * 60 + Number(m[5])) * 1000);
}

/** The first `max` characters of a text, with `…` when there was more (a one-line summary; the full text is elsewhere). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut a surrogate pair in half (an emoji would become a broken character).
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** A count in the navigation: short (`1.2K`, `12万`, `1,2 тыс.`), `≈` in front when it is an estimate. */
export function formatCompactCount(value: number, estimated: boolean, locale: string): string {
  const text = memo(`compact|${locale}`, () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })).format(value);
  return estimated ? `≈${text}` : text;
}
