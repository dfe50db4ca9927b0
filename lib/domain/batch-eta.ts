// When an unfinished batch will finish, at the pace its jobs have been finishing lately. Pure: `now` is an argument.
import { parseDbTime } from './time';

/** Throughput is measured over the last 10 minutes (or the batch's whole life, when it is younger). */
export const THROUGHPUT_WINDOW_MS = 10 * 60_000;

/** What the estimate is made of; null for a finished batch (lib/queries/batch-durations.ts reads it). */
export interface ThroughputInputs {
  /** The batch's jobs that finished (good_jobs.finished_at) within the window, counted over the whole batch. */
  finishedInWindow: number;
  windowMs: number;
  /** The batch's unfinished jobs. */
  remaining: number;
  /** More unfinished jobs than were counted: `remaining` is a lower bound. */
  remainingEstimated: boolean;
  /** The latest scheduled_at among the unfinished jobs counted (UTC database text): none can finish before it runs. */
  lastScheduledAt: string | null;
}

/**
 * Why the estimate is the time it is: the pace alone (`rate`), a job scheduled later than the pace would finish
 * (`scheduled`), or more jobs left than were counted (`atLeast`: the time is the earliest it can be).
 */
export type EtaBasis = 'rate' | 'scheduled' | 'atLeast';

export interface BatchEta {
  at: Date;
  /** Jobs finished per minute in the window, rounded for people (see roundRate). */
  perMinute: number;
  windowMs: number;
  remaining: number;
  basis: EtaBasis;
}

/** The window for a batch created at `createdAt`: THROUGHPUT_WINDOW_MS, shorter for a younger batch; 0 for a future one. */
export function throughputWindowMs(createdAt: Date, now: Date): number {
  return Math.max(0, Math.min(THROUGHPUT_WINDOW_MS, now.getTime() - createdAt.getTime()));
}

/** A rate as people read it: whole numbers from 10 up, two significant digits below (0.25, 1.5, 9.8). */
export function roundRate(perMinute: number): number {
  return perMinute >= 10 ? Math.round(perMinute) : Number(perMinute.toPrecision(2));
}

/**
 * The estimated finish: now + remaining ÷ (finished in the window ÷ window), never before the latest scheduled job.
 * Null — nothing to show — for a finished batch, when nothing is left, and when nothing finished in the window
 * (no pace to go by).
 */
export function batchEta(input: ThroughputInputs | null, now: Date): BatchEta | null {
  if (input === null) return null;
  const { finishedInWindow, windowMs, remaining, remainingEstimated } = input;
  if (remaining <= 0 || finishedInWindow <= 0 || windowMs <= 0) return null;
  const byRate = now.getTime() + Math.ceil((remaining * windowMs) / finishedInWindow);
  const scheduled = parseDbTime(input.lastScheduledAt)?.getTime() ?? -Infinity;
  const basis: EtaBasis = remainingEstimated ? 'atLeast' : scheduled > byRate ? 'scheduled' : 'rate';
  return {
    at: new Date(Math.max(byRate, scheduled)),
    perMinute: roundRate((finishedInWindow * 60_000) / windowMs),
    windowMs,
    remaining,
    basis,
  };
}
