// The Performance pages' pure parts: the time window in the URL, the chart's time buckets, the duration histogram's
// buckets (GoodJob's, lifted from Sidekiq) and the scaling of a sampled read.

export const WINDOWS = ['1h', '24h', '7d', '30d'] as const;
export type PerformanceWindow = (typeof WINDOWS)[number];
export const DEFAULT_WINDOW: PerformanceWindow = '24h';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each window's span and its chart's bar width: 30, 24, 28 and 30 bars (one more when `now` is not on a boundary). */
export const WINDOW_SPEC: Record<PerformanceWindow, { spanMs: number; stepMs: number }> = {
  '1h': { spanMs: HOUR, stepMs: 2 * MINUTE },
  '24h': { spanMs: DAY, stepMs: HOUR },
  '7d': { spanMs: 7 * DAY, stepMs: 6 * HOUR },
  '30d': { spanMs: 30 * DAY, stepMs: DAY },
};

/** `?window=` from the URL: one of WINDOWS, anything else (missing, repeated, unknown) the default. */
export function parseWindow(value: unknown): PerformanceWindow {
  return typeof value === 'string' && (WINDOWS as readonly string[]).includes(value) ? (value as PerformanceWindow) : DEFAULT_WINDOW;
}

/** The executions a window holds: those started (`created_at`) in [from, to], `to` being now. */
export function windowRange(window: PerformanceWindow, now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - WINDOW_SPEC[window].spanMs), to: now };
}

/**
 * The chart's buckets: bars of the window's step, on round local times of the page's zone (`zoneOffsetMs`, its offset
 * from UTC at `now`: a day bar starts at local midnight), from the one holding the window's start to the one holding
 * `now`. The first bar only counts what lies inside the window.
 */
export function chartBuckets(window: PerformanceWindow, now: Date, zoneOffsetMs = 0): { from: Date; stepMs: number; buckets: number } {
  const { stepMs, spanMs } = WINDOW_SPEC[window];
  const start = now.getTime() - spanMs;
  const from = Math.floor((start + zoneOffsetMs) / stepMs) * stepMs - zoneOffsetMs;
  const buckets = Math.max(1, Math.ceil((now.getTime() + 1 - from) / stepMs));
  return { from: new Date(from), stepMs, buckets };
}

/** A time zone's offset from UTC at a moment, in ms (Tokyo +9 h, New York −5 h or −4 h); 0 for an unknown zone. */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
    if (!m) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * HOUR + Number(m[3]) * MINUTE);
  } catch {
    return 0;
  }
}

/**
 * GoodJob's histogram bounds in seconds (`PerformanceShowChart::BUCKET_INTERVALS`, from Sidekiq). Bucket i (0…24)
 * holds durations below BOUNDS[i] (and at least BOUNDS[i - 1]); bucket 25, "Slow", those of 335 s and more — exactly
 * PostgreSQL's `WIDTH_BUCKET(duration, ARRAY[bounds])`. GoodJob's last bound (10⁸ s, "about 3 years") only splits
 * "Slow" further, so it is left out.
 */
export const HISTOGRAM_BOUNDS_S: readonly number[] = [
  0.02, 0.03, 0.045, 0.065, 0.1, 0.15, 0.225, 0.335, 0.5, 0.75, 1.1, 1.7, 2.5, 3.8, 5.75, 8.5, 13, 20, 30, 45, 65, 100, 150, 225, 335,
];
export const HISTOGRAM_BUCKETS = HISTOGRAM_BOUNDS_S.length + 1;

/** The histogram bucket of a duration in seconds, as `WIDTH_BUCKET` with GoodJob's bounds numbers it. */
export function histogramBucket(seconds: number): number {
  let i = 0;
  while (i < HISTOGRAM_BOUNDS_S.length && seconds >= HISTOGRAM_BOUNDS_S[i]!) i += 1;
  return i;
}

export interface HistogramBucket {
  index: number;
  /** Inclusive lower bound in ms (0 for the first bucket). */
  fromMs: number;
  /** Exclusive upper bound in ms; null for "Slow". */
  toMs: number | null;
  count: number;
}

/** Every histogram bucket in order, with its count from `counts` (bucket index → count; missing ones are 0). */
export function histogramBuckets(counts: ReadonlyMap<number, number>): HistogramBucket[] {
  return Array.from({ length: HISTOGRAM_BUCKETS }, (_, index) => ({
    index,
    fromMs: index === 0 ? 0 : Math.round(HISTOGRAM_BOUNDS_S[index - 1]! * 1000),
    toMs: index < HISTOGRAM_BOUNDS_S.length ? Math.round(HISTOGRAM_BOUNDS_S[index]! * 1000) : null,
    count: counts.get(index) ?? 0,
  }));
}

/**
 * The `TABLESAMPLE SYSTEM` percentage that reads about `cap` of `estimatedRows` window rows (the whole table's pages
 * are sampled, the window's share of them kept), between 0.01 % and 100 %.
 */
export function samplePercent(estimatedRows: number, cap: number): number {
  if (!(estimatedRows > 0)) return 100;
  const percent = (100 * cap) / estimatedRows;
  return Math.min(100, Math.max(0.01, Number(percent.toPrecision(3))));
}

/** A count read from a `percent` % sample, scaled to the whole (rounded). */
export function scaleCount(count: number, percent: number): number {
  return percent >= 100 ? count : Math.round((count * 100) / percent);
}
