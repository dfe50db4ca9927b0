import type { StatusCounts } from '../domain/batch-state';
import type { Page } from '../domain/paging';
import type { Pauses } from '../domain/settings';
import type { BoundedCount } from './bounded-count';
import type { BatchRow, JobRow } from './rows';

export interface JobPage extends Page<JobRow> {
  columns: readonly string[];
}

export interface BatchCounts {
  counts: StatusCounts;
  estimated: boolean;
}

export interface BatchJobTotals {
  total: number;
  finished: number;
  discarded: number;
  /** True when the batch has more jobs than were counted. */
  capped?: boolean;
}

export interface BatchesPageData {
  page: Page<BatchRow>;
  totals: Map<string, BatchJobTotals>;
  count: BoundedCount;
  /** The callback classes the filter offers (read from the newest batches, at most once a minute per process). */
  callbacks: string[];
}

/** Everything the batch page shows. */
export interface BatchPageData {
  batch: BatchRow;
  batchColumns: readonly string[];
  counts: StatusCounts;
  /** True for a huge batch counted from a sample. */
  countsEstimated: boolean;
  callbackJobs: JobPage;
  batchedJobs: JobPage;
  pauses: Pauses;
}
