import type { Page } from '../domain/paging';
import type { JobRow } from './rows';
import type { JobStatus } from '../domain/job-state';
import type { BoundedCount } from './bounded-count';

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
