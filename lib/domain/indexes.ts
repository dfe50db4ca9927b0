// The indexes the dashboard's queries rely on, with the statement that creates each (GoodJob's own definitions),
// and one GoodJob does not create but that makes the batches list scale.

export interface IndexAdvice {
  name: string;
  table: string;
  /** What it speeds up, for the notice. */
  serves: string;
  create: string;
  /** True for an index GoodJob itself does not create. */
  suggestion?: boolean;
}

export const RELIED_ON_INDEXES: readonly IndexAdvice[] = [
  { name: 'index_good_jobs_on_batch_id', table: 'good_jobs', serves: 'batch pages', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_batch_id ON good_jobs (batch_id) WHERE (batch_id IS NOT NULL);' },
  { name: 'index_good_jobs_on_batch_callback_id', table: 'good_jobs', serves: 'callback jobs', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_batch_callback_id ON good_jobs (batch_callback_id) WHERE (batch_callback_id IS NOT NULL);' },
  { name: 'index_good_jobs_on_created_at', table: 'good_jobs', serves: 'jobs list', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_created_at ON good_jobs (created_at);' },
  { name: 'index_good_jobs_on_discarded', table: 'good_jobs', serves: 'discarded jobs', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_discarded ON good_jobs (finished_at DESC) WHERE ((finished_at IS NOT NULL) AND (error IS NOT NULL));' },
  { name: 'index_good_jobs_on_scheduled_at', table: 'good_jobs', serves: 'waiting jobs', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_scheduled_at ON good_jobs (scheduled_at) WHERE (finished_at IS NULL);' },
  { name: 'index_good_jobs_on_queue_name', table: 'good_jobs', serves: 'queue filter', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_queue_name ON good_jobs (queue_name);' },
  { name: 'index_good_jobs_on_job_class', table: 'good_jobs', serves: 'job class filter', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_job_class ON good_jobs (job_class);' },
  { name: 'index_good_jobs_on_labels', table: 'good_jobs', serves: 'label filter', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_labels ON good_jobs USING gin (labels) WHERE (labels IS NOT NULL);' },
  { name: 'index_good_jobs_on_active_job_id_and_created_at', table: 'good_jobs', serves: 'job pages', create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_active_job_id_and_created_at ON good_jobs (active_job_id, created_at);' },
  { name: 'index_good_job_executions_on_active_job_id_and_created_at', table: 'good_job_executions', serves: 'executions', create: 'CREATE INDEX CONCURRENTLY index_good_job_executions_on_active_job_id_and_created_at ON good_job_executions (active_job_id, created_at);' },
  { name: 'index_good_job_batches_on_created_at_and_id', table: 'good_job_batches', serves: 'batches list', suggestion: true, create: 'CREATE INDEX CONCURRENTLY index_good_job_batches_on_created_at_and_id ON good_job_batches (created_at DESC, id DESC);' },
  { name: 'index_good_jobs_on_batch_id_and_created_at', table: 'good_jobs', serves: 'pages of huge batches', suggestion: true, create: 'CREATE INDEX CONCURRENTLY index_good_jobs_on_batch_id_and_created_at ON good_jobs (batch_id, created_at DESC, id DESC) WHERE (batch_id IS NOT NULL);' },
  { name: 'index_good_job_executions_on_created_at', table: 'good_job_executions', serves: 'performance pages', suggestion: true, create: 'CREATE INDEX CONCURRENTLY index_good_job_executions_on_created_at ON good_job_executions (created_at);' },
];

/** Which advised indexes a database lacks, given the index names it has. */
export function missingIndexes(present: ReadonlySet<string>): IndexAdvice[] {
  return RELIED_ON_INDEXES.filter((i) => !present.has(i.name));
}
