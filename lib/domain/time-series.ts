// Series of values over equal time buckets, for the server-drawn time-series chart: which series to draw, where each
// bucket starts and ends, and how the bars stack. Pure: no I/O, no clock (the window's end is an argument).

export interface SeriesData {
  key: string;
  label: string;
  /** One value per bucket. */
  values: number[];
}

export interface BucketedSeries {
  from: Date;
  stepMs: number;
  buckets: number;
  series: SeriesData[];
}

/** The key the charts give a folded "Other" series by default (it is drawn in its own neutral colour). */
export const OTHER_SERIES_KEY = '__other__';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * The `keep` largest series by total, the rest summed into one series (otherKey/otherLabel); order kept stable.
 * Kept series stay in their input order, the folded one comes last; nothing is folded when at most `keep + 1` series
 * exist (an "Other" of one series would hide its name for no room gained).
 */
export function topSeries(series: SeriesData[], keep: number, otherKey: string, otherLabel: string): SeriesData[] {
  if (series.length <= keep + 1) return series;
  const ranked = series
    .map((s, index) => ({ index, total: sum(s.values) }))
    .sort((a, b) => b.total - a.total || a.index - b.index);
  const kept = new Set(ranked.slice(0, Math.max(keep, 0)).map((r) => r.index));
  const length = Math.max(0, ...series.map((s) => s.values.length));
  const other = Array.from({ length }, () => 0);
  for (const [index, s] of series.entries()) {
    if (kept.has(index)) continue;
    s.values.forEach((v, i) => (other[i]! += v));
  }
  return [...series.filter((_, index) => kept.has(index)), { key: otherKey, label: otherLabel, values: other }];
}

/** Where bucket `i` starts. */
export function bucketStart(data: Pick<BucketedSeries, 'from' | 'stepMs'>, i: number): Date {
  return new Date(data.from.getTime() + i * data.stepMs);
}

/** Where bucket `i` ends (exclusive): the next one's start. */
export function bucketEnd(data: Pick<BucketedSeries, 'from' | 'stepMs'>, i: number): Date {
  return bucketStart(data, i + 1);
}

/** The end of the whole chart. */
export function seriesEnd(data: Pick<BucketedSeries, 'from' | 'stepMs' | 'buckets'>): Date {
  return bucketStart(data, data.buckets);
}

/** The bucket a moment falls in, or null outside [from, from + buckets × step). */
export function bucketIndex(data: Pick<BucketedSeries, 'from' | 'stepMs' | 'buckets'>, at: Date): number | null {
  const i = Math.floor((at.getTime() - data.from.getTime()) / data.stepMs);
  return i >= 0 && i < data.buckets ? i : null;
}

/**
 * The `count` whole steps that end with the one holding `now`, aligned to UTC multiples of `stepMs` (whole hours for an
 * hour): GoodJob's "last 24 hours" starts at the hour 23 hours before the current one, which is still filling.
 */
export function lastBuckets(now: Date, stepMs: number, count: number): { from: Date; to: Date } {
  const current = Math.floor(now.getTime() / stepMs) * stepMs;
  return { from: new Date(current - (count - 1) * stepMs), to: new Date(current + stepMs) };
}

/** Each bucket's sum over all series. */
export function bucketTotals(data: Pick<BucketedSeries, 'buckets' | 'series'>): number[] {
  return Array.from({ length: data.buckets }, (_, i) => sum(data.series.map((s) => s.values[i] ?? 0)));
}

/** Whether every value is zero (the chart then says so instead of drawing an empty plot). */
export function isEmptySeries(data: Pick<BucketedSeries, 'series'>): boolean {
  return data.series.every((s) => s.values.every((v) => v === 0));
}

export interface StackSegment {
  seriesIndex: number;
  /** The value below this segment (the sum of the earlier series), and this segment's top. */
  low: number;
  high: number;
}

/** Bucket `i`'s stacked segments, in series order from the bottom, skipping zero values. */
export function stackBucket(series: SeriesData[], i: number): StackSegment[] {
  const segments: StackSegment[] = [];
  let low = 0;
  for (const [seriesIndex, s] of series.entries()) {
    const value = s.values[i] ?? 0;
    if (value <= 0) continue;
    segments.push({ seriesIndex, low, high: low + value });
    low += value;
  }
  return segments;
}

export interface KeyedCount {
  /** Any moment inside the bucket (usually its start). */
  at: Date;
  key: string;
  count: number;
}

/**
 * Counts per (moment, key) as one series per key over the buckets, in the order of `keys` (key → label); counts outside
 * the buckets or for keys not listed are left out, and a bucket with no count is 0.
 */
export function seriesFromCounts(
  counts: KeyedCount[],
  keys: { key: string; label: string }[],
  window: Pick<BucketedSeries, 'from' | 'stepMs' | 'buckets'>,
): BucketedSeries {
  const byKey = new Map(keys.map(({ key, label }) => [key, { key, label, values: Array.from({ length: window.buckets }, () => 0) }]));
  for (const { at, key, count } of counts) {
    const i = bucketIndex(window, at);
    const series = byKey.get(key);
    if (i !== null && series) series.values[i]! += count;
  }
  return { ...window, series: [...byKey.values()] };
}
