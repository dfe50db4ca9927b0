// A batch's state, in the order an operator cares about: discarded before succeeded before callbacks running, etc.
import type { JobStatus } from './job-state';

export const BATCH_STATES = ['discarded', 'succeeded', 'callbacksRunning', 'inProgress', 'notEnqueued'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export interface BatchStateFields {
  enqueued_at: string | null;
  discarded_at: string | null;
  finished_at: string | null;
  /** undefined when the database predates the column (GoodJob < 4.3). */
  jobs_finished_at?: string | null;
}

export function batchState(batch: BatchStateFields): BatchState {
  if (batch.discarded_at !== null) return 'discarded';
  if (batch.finished_at !== null) return 'succeeded';
  if (batch.jobs_finished_at != null) return 'callbacksRunning';
  if (batch.enqueued_at !== null) return 'inProgress';
  return 'notEnqueued';
}

export type StatusCounts = Record<JobStatus, number>;

export interface BatchProgress {
  total: number;
  finished: number;
  /** 0..100, rounded down so that 100 means every job finished. */
  percent: number;
}

export function batchProgress(counts: StatusCounts): BatchProgress {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const finished = counts.succeeded + counts.discarded;
  return { total, finished, percent: total === 0 ? 0 : Math.floor((finished * 100) / total) };
}

/** How a batch's jobs stand, for a bar made of one segment per outcome (unknown parts folded into `waiting`). */
export type ProgressSegment = { kind: 'succeeded' | 'discarded' | 'running' | 'waiting'; count: number };

/** From a batch page's per-state counts: finished jobs by how they finished, then running, then the rest. */
export function progressSegments(counts: StatusCounts): ProgressSegment[] {
  return [
    { kind: 'succeeded', count: counts.succeeded },
    { kind: 'discarded', count: counts.discarded },
    { kind: 'running', count: counts.running },
    { kind: 'waiting', count: counts.queued + counts.scheduled + counts.retried },
  ];
}

/** From the batches list's totals (it does not tell running from waiting): both are `waiting` there. */
export function listProgressSegments(totals: { total: number; finished: number; discarded: number }): ProgressSegment[] {
  return [
    { kind: 'succeeded', count: totals.finished - totals.discarded },
    { kind: 'discarded', count: totals.discarded },
    { kind: 'waiting', count: totals.total - totals.finished },
  ];
}
