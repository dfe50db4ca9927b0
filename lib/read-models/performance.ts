import type { HistogramBucket } from '../domain/performance';

/**
 * Above this many executions in a window, the pages read a sample instead. Measured on 3,000,000 executions (EXPLAIN
 * ANALYZE): the exact read of 24 hours (37,000 executions) through GoodJob's (process_id, created_at) index and its
 * three groupings took 90–145 ms.
 */
export const PERFORMANCE_ROW_CAP = 50_000;

/** How the window was read: every row, or a `percent` % sample of the table's pages (figures scaled, shown ≈). */
export interface ReadMode {
  sampled: boolean;
  percent: number;
}

export interface PerformanceStat {
  /** The job class or queue name (null: none recorded). */
  key: string | null;
  executions: number;
  /** Executions that ended with an error. */
  failures: number;
  /** Executions with a duration (finished); the duration figures are over these. */
  timed: number;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

export interface ChartCell {
  bucket: number;
  jobClass: string | null;
  executions: number;
  /** Summed duration of the bucket's executions of the class. */
  seconds: number;
}

export interface PerformanceOverview extends ReadMode {
  from: Date;
  to: Date;
  executions: number;
  classes: PerformanceStat[];
  queues: PerformanceStat[];
  chart: { from: Date; stepMs: number; buckets: number; cells: ChartCell[] };
}

export interface SlowExecution {
  id: string;
  activeJobId: string;
  createdAt: string;
  ms: number;
  failed: boolean;
  queueName: string | null;
}

export interface ClassPerformance extends ReadMode {
  from: Date;
  to: Date;
  stat: PerformanceStat;
  histogram: HistogramBucket[];
  slowest: SlowExecution[];
}
