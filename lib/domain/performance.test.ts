import { describe, expect, it } from 'vitest';
import {
  chartBuckets,
  DEFAULT_WINDOW,
  histogramBucket,
  histogramBuckets,
  HISTOGRAM_BOUNDS_S,
  HISTOGRAM_BUCKETS,
  parseWindow,
  samplePercent,
  scaleCount,
  windowRange,
  WINDOW_SPEC,
  WINDOWS,
  zoneOffsetMs,
} from './performance';

const HOUR = 3_600_000;

describe('parseWindow', () => {
  it('takes the four windows and turns anything else into 24 h', () => {
    for (const w of WINDOWS) expect(parseWindow(w)).toBe(w);
    expect(DEFAULT_WINDOW).toBe('24h');
    for (const bad of [undefined, null, '', '2h', '24H', ' 1h', '1h ', ['1h', '7d'], 7, '__proto__', 'constructor']) expect(parseWindow(bad)).toBe('24h');
  });
});

describe('windowRange', () => {
  it('ends at now and spans the window', () => {
    const now = new Date('2026-05-10T12:34:56.789Z');
    expect(windowRange('1h', now)).toEqual({ from: new Date('2026-05-10T11:34:56.789Z'), to: now });
    expect(windowRange('30d', now).from).toEqual(new Date('2026-04-10T12:34:56.789Z'));
  });
});

describe('chartBuckets', () => {
  const now = new Date('2026-05-10T12:34:56.789Z');
  it('has 24 to 60 bars per window, the first holding the window start and the last holding now', () => {
    for (const w of WINDOWS) {
      const b = chartBuckets(w, now);
      expect(b.buckets).toBeGreaterThanOrEqual(24);
      expect(b.buckets).toBeLessThanOrEqual(60);
      const { from } = windowRange(w, now);
      expect(b.from.getTime()).toBeLessThanOrEqual(from.getTime());
      expect(b.from.getTime() + b.stepMs).toBeGreaterThan(from.getTime());
      expect(b.from.getTime() + b.buckets * b.stepMs).toBeGreaterThan(now.getTime());
      expect(b.from.getTime() + (b.buckets - 1) * b.stepMs).toBeLessThanOrEqual(now.getTime());
      expect(b.stepMs).toBe(WINDOW_SPEC[w].stepMs);
    }
  });
  it('puts bars on round times: 2 minutes, hours, 6 hours and days', () => {
    expect(chartBuckets('1h', now)).toEqual({ from: new Date('2026-05-10T11:34:00Z'), stepMs: 120_000, buckets: 31 });
    expect(chartBuckets('24h', now)).toEqual({ from: new Date('2026-05-09T12:00:00Z'), stepMs: HOUR, buckets: 25 });
    expect(chartBuckets('7d', now)).toEqual({ from: new Date('2026-05-03T12:00:00Z'), stepMs: 6 * HOUR, buckets: 29 });
    expect(chartBuckets('30d', now)).toEqual({ from: new Date('2026-04-10T00:00:00Z'), stepMs: 24 * HOUR, buckets: 31 });
  });
  it('has exactly the window’s bars when now is on a boundary', () => {
    const round = new Date('2026-05-10T00:00:00Z');
    expect(chartBuckets('24h', round)).toEqual({ from: new Date('2026-05-09T00:00:00Z'), stepMs: HOUR, buckets: 25 });
    expect(chartBuckets('30d', round).buckets).toBe(31);
  });
  it('starts day bars at local midnight in the page’s zone', () => {
    const tokyo = 9 * HOUR;
    expect(chartBuckets('30d', now, tokyo).from).toEqual(new Date('2026-04-09T15:00:00Z'));
    expect(chartBuckets('7d', now, -4 * HOUR).from).toEqual(new Date('2026-05-03T10:00:00Z'));
  });
});

describe('zoneOffsetMs', () => {
  it('reads a zone’s offset at a moment, with daylight saving', () => {
    expect(zoneOffsetMs(new Date('2026-01-15T00:00:00Z'), 'UTC')).toBe(0);
    expect(zoneOffsetMs(new Date('2026-01-15T00:00:00Z'), 'Asia/Tokyo')).toBe(9 * HOUR);
    expect(zoneOffsetMs(new Date('2026-01-15T00:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffsetMs(new Date('2026-07-15T00:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffsetMs(new Date('2026-07-15T00:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffsetMs(new Date('2026-07-15T00:00:00Z'), 'Not/AZone')).toBe(0);
  });
});

describe('the duration histogram', () => {
  it('numbers buckets as WIDTH_BUCKET does with GoodJob’s bounds', () => {
    expect(HISTOGRAM_BOUNDS_S).toHaveLength(25);
    expect(HISTOGRAM_BUCKETS).toBe(26);
    expect(histogramBucket(0)).toBe(0);
    expect(histogramBucket(0.0199)).toBe(0);
    expect(histogramBucket(0.02)).toBe(1);
    expect(histogramBucket(0.029)).toBe(1);
    expect(histogramBucket(1.1)).toBe(11);
    expect(histogramBucket(334.9)).toBe(24);
    expect(histogramBucket(335)).toBe(25);
    expect(histogramBucket(1e9)).toBe(25);
  });
  it('lists every bucket with its bounds and count, missing counts as 0', () => {
    const buckets = histogramBuckets(new Map([[0, 3], [11, 2], [25, 1]]));
    expect(buckets).toHaveLength(26);
    expect(buckets[0]).toEqual({ index: 0, fromMs: 0, toMs: 20, count: 3 });
    expect(buckets[1]).toEqual({ index: 1, fromMs: 20, toMs: 30, count: 0 });
    expect(buckets[11]).toEqual({ index: 11, fromMs: 1100, toMs: 1700, count: 2 });
    expect(buckets[25]).toEqual({ index: 25, fromMs: 335_000, toMs: null, count: 1 });
    // Every bucket's lower bound is the previous one's upper bound, and it holds exactly its own durations.
    for (const b of buckets.slice(1)) {
      expect(b.fromMs).toBe(buckets[b.index - 1]!.toMs);
      expect(histogramBucket(b.fromMs / 1000)).toBe(b.index);
    }
  });
});

describe('sampling', () => {
  it('reads about cap rows of the estimate, within 0.01 % and 100 %', () => {
    expect(samplePercent(1_000_000, 50_000)).toBe(5);
    expect(samplePercent(260_000, 50_000)).toBe(19.2);
    expect(samplePercent(40_000, 50_000)).toBe(100);
    expect(samplePercent(0, 50_000)).toBe(100);
    expect(samplePercent(Number.NaN, 50_000)).toBe(100);
    expect(samplePercent(1e12, 1)).toBe(0.01);
  });
  it('scales sampled counts back to the whole', () => {
    expect(scaleCount(7, 100)).toBe(7);
    expect(scaleCount(7, 5)).toBe(140);
    expect(scaleCount(3, 19.2)).toBe(16);
  });
});
