import type { GoodJobBatchRow, GoodJobRow } from '../db/schema';

/** A job as the pages use it: every column the database has; `serialized_params` as jsonb text (key order kept). */
export type JobRow = Omit<GoodJobRow, 'serialized_params' | 'lock_type'> & {
  lock_type?: number | null;
  serialized_params_text: string | null;
};

export type BatchRow = Omit<GoodJobBatchRow, 'serialized_properties' | 'jobs_finished_at'> & {
  jobs_finished_at?: string | null;
  serialized_properties_text: string | null;
};
