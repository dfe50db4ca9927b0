import type { Page } from '../domain/paging';
import type { JobRow } from './rows';
import type { JobStatus } from '../domain/job-state';
import type { BoundedCount } from './bounded-count';
import type { Pauses } from '../domain/settings';

export type JobListRow = JobRow & { order_at: string };

export type JobsResult = ({ kind: 'page' } & Page<JobListRow> & { columns: readonly string[] }) | { kind: 'searchTimeout' };

export type JobCounts = Record<JobStatus | 'all', BoundedCount>;

export interface ExecutionRow {
  id: string;
  created_at: string;
  scheduled_at: string | null;
  finished_at: string | null;
  error: string | null;
  error_event: number | null;
  error_backtrace: string[] | null;
  duration: string | null;
  process_id: string | null;
  number: number;
}

export interface Facet {
  value: string;
  count: number;
}

export interface Facets {
  queues: Facet[];
  classes: Facet[];
  labels: Facet[];
  /** True when counted on a sample of a large table. */
  estimated: boolean;
}

/** The jobs list's page: its rows (or a search that ran out of time), the filter's choices, the pauses in force. */
export interface JobsPageData {
  result: JobsResult;
  facets: Facets;
  pauses: Pauses;
}
