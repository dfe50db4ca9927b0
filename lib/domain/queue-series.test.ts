import { describe, expect, it } from 'vitest';
import { queueKey, queueOfKey, queueSeries } from './queue-series';
import { OTHER_SERIES_KEY } from './time-series';

const window = { from: new Date('2026-12-02T10:00:00Z'), stepMs: 3_600_000, buckets: 2 };
const hour = (i: number) => new Date(window.from.getTime() + i * window.stepMs);

describe('queueSeries', () => {
  it('gives each queue a series by name, the jobs without a queue last under their own label', () => {
    const data = queueSeries(
      [
        { hour: hour(1), queue: 'mice', count: 2 },
        { hour: hour(0), queue: null, count: 1 },
        { hour: hour(0), queue: 'elephants', count: 3 },
      ],
      window,
      { noQueue: '(none)', other: 'Other' },
    );
    expect(data.series).toEqual([
      { key: 'q:elephants', label: 'elephants', values: [3, 0] },
      { key: 'q:mice', label: 'mice', values: [0, 2] },
      { key: 'none', label: '(none)', values: [1, 0] },
    ]);
  });
  it('folds the smaller queues beyond seven into Other', () => {
    const counts = Array.from({ length: 10 }, (_, i) => ({ hour: hour(0), queue: `q${i}`, count: i + 1 }));
    const data = queueSeries(counts, window, { noQueue: '-', other: 'Other' });
    expect(data.series.map((s) => s.key)).toEqual(['q:q3', 'q:q4', 'q:q5', 'q:q6', 'q:q7', 'q:q8', 'q:q9', OTHER_SERIES_KEY]);
    expect(data.series.at(-1)).toEqual({ key: OTHER_SERIES_KEY, label: 'Other', values: [1 + 2 + 3, 0] });
  });
  it('keeps queue names apart from the keys for no queue and Other', () => {
    expect(queueOfKey(queueKey('none'))).toBe('none');
    expect(queueOfKey(queueKey(OTHER_SERIES_KEY))).toBe(OTHER_SERIES_KEY);
    expect(queueOfKey(queueKey(null))).toBeNull();
    expect(queueOfKey(OTHER_SERIES_KEY)).toBeNull();
    expect(queueKey('none')).not.toBe(queueKey(null));
  });
});
