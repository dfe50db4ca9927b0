import type { ThroughputInputs } from '../domain/batch-eta';
import { ERROR_SUMMARY_SAMPLE } from './batch-errors';

/** How many of a batch's jobs the durations read: the error summary's sample, for the same reason (one probe per job). */
export const DURATIONS_SAMPLE = ERROR_SUMMARY_SAMPLE;

/** Unfinished jobs counted exactly (≈ 50 ms at 100,000 through the batch_id index); beyond it a lower bound. */
export const REMAINING_COUNT_LIMIT = 100_000;

/** Milliseconds. */
export interface Spread {
  p50: number;
  p95: number;
  max: number;
}

export interface BatchDurations {
  /** Jobs read (at most the sample). */
  jobs: number;
  /** Their executions read. */
  executions: number;
  /** Runtime of the finished executions (GoodJob's `duration`); null when none has finished. */
  runtime: Spread | null;
  /** Time in queue of the started executions (performed_at − scheduled_at); null when none has started. */
  wait: Spread | null;
  /** The batch has more jobs than the sample (or they more executions than the limit): the spreads are ≈. */
  sampled: boolean;
  /** Null for a finished batch. */
  throughput: ThroughputInputs | null;
}
