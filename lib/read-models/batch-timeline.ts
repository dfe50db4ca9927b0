import type { Span } from '../domain/timeline';

/** Jobs the density view reads at most (through the batch_id index, no executions): ≈ beyond. */
export const TIMELINE_DENSITY_SAMPLE = 100_000;

export type TimelineExecution = {
  created_at: string;
  finished_at: string | null;
  failed: boolean;
};

export type TimelineJob = {
  id: string;
  job_class: string | null;
  kind: 'batched' | 'callback';
  created_at: string;
  scheduled_at: string | null;
  performed_at: string | null;
  finished_at: string | null;
  /** Finished with an error: discarded. */
  discarded: boolean;
  executions: TimelineExecution[];
};

export interface DensityBucket {
  index: number;
  start: Date;
  end: Date;
  /** Jobs whose (latest) execution started in the bucket: good_jobs.performed_at, as the jobs list's performed filter. */
  started: number;
  succeeded: number;
  discarded: number;
}

export type Timeline =
  | { mode: 'detail'; span: Span; jobs: TimelineJob[]; executionsCapped: boolean }
  | { mode: 'density'; span: Span; stepMs: number; buckets: DensityBucket[]; sampled: boolean };

export interface TimelineBatch {
  id: string;
  created_at: string;
  enqueued_at: string | null;
  finished_at: string | null;
  discarded_at: string | null;
  jobs_finished_at?: string | null;
}
