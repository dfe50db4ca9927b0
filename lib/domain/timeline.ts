// The batch timeline's arithmetic: the time span it covers, density buckets, bar geometry. Pure; `now` is a parameter.

/** Bucket widths a reader can name ("per 5 minutes"), smallest first. */
export const BUCKET_STEPS_MS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000,
  7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 172_800_000, 604_800_000,
] as const;

/** At most this many density buckets: wide enough to click on a laptop, narrow enough to show the shape. */
export const MAX_BUCKETS = 60;

/** The smallest nameable step that covers `spanMs` in at most `maxBuckets` buckets (a week per bucket beyond that). */
export function bucketStepMs(spanMs: number, maxBuckets = MAX_BUCKETS): number {
  for (const step of BUCKET_STEPS_MS) if (Math.ceil(Math.max(spanMs, 1) / step) <= maxBuckets) return step;
  return Math.ceil(spanMs / maxBuckets / 604_800_000) * 604_800_000;
}

export interface Span {
  from: Date;
  to: Date;
}

/**
 * What the timeline covers: from the batch's creation to its finish, or to now while it runs; never empty, and wide
 * enough for every point it draws (a job may be retried after its batch finished).
 */
export function timelineSpan(batch: { created_at: Date; finished_at: Date | null }, points: ReadonlyArray<Date | null>, now: Date): Span {
  let from = batch.created_at.getTime();
  let to = (batch.finished_at ?? now).getTime();
  for (const point of points) {
    if (point === null) continue;
    from = Math.min(from, point.getTime());
    to = Math.max(to, point.getTime());
  }
  return { from: new Date(from), to: new Date(Math.max(to, from + 1_000)) };
}

export interface BucketRange {
  index: number;
  start: Date;
  end: Date;
}

/** The buckets of `step` from `from` that cover the span: the last one ends at or after `to`. */
export function bucketRanges(span: Span, stepMs: number): BucketRange[] {
  const count = Math.max(1, Math.ceil((span.to.getTime() - span.from.getTime()) / stepMs));
  return Array.from({ length: count }, (_, index) => ({
    index,
    start: new Date(span.from.getTime() + index * stepMs),
    end: new Date(span.from.getTime() + (index + 1) * stepMs),
  }));
}

export type ExecutionOutcome = 'succeeded' | 'failed' | 'running';

/** An execution's colour: failed when it left an error, running while it has no finish, else succeeded. */
export function executionOutcome(execution: { finished_at: Date | null; failed: boolean }): ExecutionOutcome {
  if (execution.failed) return 'failed';
  return execution.finished_at === null ? 'running' : 'succeeded';
}

/** A row's height in the detailed timeline: tall enough to hover when there are few jobs, thin when there are many. */
export function rowHeight(rows: number): number {
  return Math.max(4, Math.min(16, Math.floor(320 / Math.max(rows, 1))));
}
