// Jobs per hour and queue as chart series (the jobs list's activity chart). Pure.
import { OTHER_SERIES_KEY, seriesFromCounts, topSeries, type BucketedSeries } from './time-series';

/** Queues drawn apart; the rest are summed into "Other". */
export const QUEUES_SHOWN = 7;

/** A series key per queue: its name behind a prefix, so that no queue's name can pass for "no queue" or "Other". */
export function queueKey(queue: string | null): string {
  return queue === null ? 'none' : `q:${queue}`;
}

/** The queue a series key names; null for jobs without a queue and for "Other". */
export function queueOfKey(key: string): string | null {
  return key.startsWith('q:') ? key.slice(2) : null;
}

/**
 * One series per queue (by name, jobs without a queue last, labelled `noQueue`), the smaller queues folded into
 * "Other" (`other`), over `window`.
 */
export function queueSeries(
  counts: { hour: Date; queue: string | null; count: number }[],
  window: Pick<BucketedSeries, 'from' | 'stepMs' | 'buckets'>,
  labels: { noQueue: string; other: string },
): BucketedSeries {
  const queues = [...new Set(counts.map((c) => c.queue))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const data = seriesFromCounts(
    counts.map((c) => ({ at: c.hour, key: queueKey(c.queue), count: c.count })),
    queues.map((q) => ({ key: queueKey(q), label: q ?? labels.noQueue })),
    window,
  );
  return { ...data, series: topSeries(data.series, QUEUES_SHOWN, OTHER_SERIES_KEY, labels.other) };
}
