import { describe, expect, it } from 'vitest';
import { bucketEnd, bucketIndex, bucketStart, bucketTotals, isEmptySeries, lastBuckets, seriesEnd, seriesFromCounts, stackBucket, topSeries, type SeriesData } from './time-series';

const s = (key: string, values: number[]): SeriesData => ({ key, label: key.toUpperCase(), values });

describe('topSeries', () => {
  const series = [s('a', [1, 0]), s('b', [5, 5]), s('c', [0, 2]), s('d', [3, 0]), s('e', [0, 1])];
  it('keeps the largest series in their input order and sums the rest into the other series, last', () => {
    expect(topSeries(series, 2, 'other', 'Other')).toEqual([s('b', [5, 5]), s('d', [3, 0]), { key: 'other', label: 'Other', values: [1, 3] }]);
  });
  it('breaks ties by input order', () => {
    expect(topSeries([s('x', [1]), s('y', [1]), s('z', [1])], 1, 'o', 'O').map((r) => r.key)).toEqual(['x', 'o']);
  });
  it('folds nothing when at most one series would be folded, and never changes its input', () => {
    expect(topSeries(series, 4, 'other', 'Other')).toBe(series);
    expect(topSeries(series, 9, 'other', 'Other')).toBe(series);
    expect(topSeries([], 7, 'other', 'Other')).toEqual([]);
    topSeries(series, 1, 'other', 'Other');
    expect(series[0]).toEqual(s('a', [1, 0]));
  });
  it('keeps every bucket’s total', () => {
    const folded = topSeries(series, 1, 'other', 'Other');
    expect(bucketTotals({ buckets: 2, series: folded })).toEqual(bucketTotals({ buckets: 2, series }));
  });
});

describe('bucket maths', () => {
  const data = { from: new Date('2026-12-02T10:00:00Z'), stepMs: 3_600_000, buckets: 24 };
  it('gives each bucket’s start and end', () => {
    expect(bucketStart(data, 0)).toEqual(data.from);
    expect(bucketEnd(data, 0).toISOString()).toBe('2026-12-02T11:00:00.000Z');
    expect(bucketStart(data, 23).toISOString()).toBe('2026-12-03T09:00:00.000Z');
    expect(seriesEnd(data).toISOString()).toBe('2026-12-03T10:00:00.000Z');
  });
  it('finds the bucket of a moment, start inclusive and end exclusive', () => {
    expect(bucketIndex(data, new Date('2026-12-02T10:00:00Z'))).toBe(0);
    expect(bucketIndex(data, new Date('2026-12-02T10:59:59.999Z'))).toBe(0);
    expect(bucketIndex(data, new Date('2026-12-02T11:00:00Z'))).toBe(1);
    expect(bucketIndex(data, new Date('2026-12-03T09:59:59Z'))).toBe(23);
    expect(bucketIndex(data, new Date('2026-12-03T10:00:00Z'))).toBeNull();
    expect(bucketIndex(data, new Date('2026-12-02T09:59:59Z'))).toBeNull();
  });
  it('ends the last hours with the one still filling, on whole UTC hours', () => {
    const { from, to } = lastBuckets(new Date('2026-12-03T09:41:07.5Z'), 3_600_000, 24);
    expect(from.toISOString()).toBe('2026-12-02T10:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(lastBuckets(new Date('2026-12-03T10:00:00Z'), 3_600_000, 24).to.toISOString()).toBe('2026-12-03T11:00:00.000Z');
  });
  it('stacks a bucket’s values from the bottom, skipping zeros', () => {
    const series = [s('a', [2, 0]), s('b', [0, 0]), s('c', [3, 1])];
    expect(stackBucket(series, 0)).toEqual([
      { seriesIndex: 0, low: 0, high: 2 },
      { seriesIndex: 2, low: 2, high: 5 },
    ]);
    expect(stackBucket(series, 1)).toEqual([{ seriesIndex: 2, low: 0, high: 1 }]);
    expect(bucketTotals({ buckets: 2, series })).toEqual([5, 1]);
  });
  it('tells an all-zero chart', () => {
    expect(isEmptySeries({ series: [s('a', [0, 0])] })).toBe(true);
    expect(isEmptySeries({ series: [] })).toBe(true);
    expect(isEmptySeries({ series: [s('a', [0, 1])] })).toBe(false);
  });
});

describe('seriesFromCounts', () => {
  it('puts each count in its bucket and series, zero elsewhere, leaving out what falls outside', () => {
    const window = { from: new Date('2026-12-02T10:00:00Z'), stepMs: 3_600_000, buckets: 3 };
    const data = seriesFromCounts(
      [
        { at: new Date('2026-12-02T10:00:00Z'), key: 'a', count: 2 },
        { at: new Date('2026-12-02T12:30:00Z'), key: 'a', count: 1 },
        { at: new Date('2026-12-02T11:00:00Z'), key: 'b', count: 4 },
        { at: new Date('2026-12-02T11:00:00Z'), key: 'b', count: 1 },
        { at: new Date('2026-12-02T13:00:00Z'), key: 'a', count: 9 },
        { at: new Date('2026-12-02T10:00:00Z'), key: 'unknown', count: 9 },
      ],
      [
        { key: 'b', label: 'B' },
        { key: 'a', label: 'A' },
      ],
      window,
    );
    expect(data).toEqual({ ...window, series: [s('b', [0, 5, 0]), s('a', [2, 0, 1])] });
  });
});
