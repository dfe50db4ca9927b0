// GoodJob v4's five tables, column for column (see drizzle/0000_goodjob_v4_schema.sql).
// Property names are the column names: the Inspect JSON prints them as they are.
// Times are `timestamp without time zone` holding UTC; `mode: 'string'` keeps the text, lib/domain/time.ts parses it.
import {

  boolean,
  index,
  integer,
  interval,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const ts = (name: string) => timestamp(name, { mode: 'string' });
const ts6 = (name: string) => timestamp(name, { mode: 'string', precision: 6 });

export const goodJobBatches = pgTable('good_job_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  created_at: ts6('created_at').notNull(),
  updated_at: ts6('updated_at').notNull(),
  description: text('description'),
  serialized_properties: jsonb('serialized_properties'),
  on_finish: text('on_finish'),
  on_success: text('on_success'),
  on_discard: text('on_discard'),
  callback_queue_name: text('callback_queue_name'),
  callback_priority: integer('callback_priority'),
  enqueued_at: ts('enqueued_at'),
  discarded_at: ts('discarded_at'),
  finished_at: ts('finished_at'),
  /** Added in GoodJob v4.3: absent on older databases (see lib/db/capabilities.ts). */
  jobs_finished_at: ts('jobs_finished_at'),
});

export const goodJobExecutions = pgTable(
  'good_job_executions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    created_at: ts6('created_at').notNull(),
    updated_at: ts6('updated_at').notNull(),
    active_job_id: uuid('active_job_id').notNull(),
    job_class: text('job_class'),
    queue_name: text('queue_name'),
    serialized_params: jsonb('serialized_params'),
    scheduled_at: ts('scheduled_at'),
    finished_at: ts('finished_at'),
    error: text('error'),
    error_event: smallint('error_event'),
    error_backtrace: text('error_backtrace').array(),
    process_id: uuid('process_id'),
    duration: interval('duration'),
  },
  (t) => [
    index('index_good_job_executions_on_active_job_id_and_created_at').on(t.active_job_id, t.created_at),
    index('index_good_job_executions_on_process_id_and_created_at').on(t.process_id, t.created_at),
  ],
);

export const goodJobProcesses = pgTable('good_job_processes', {
  id: uuid('id').primaryKey().defaultRandom(),
  created_at: ts6('created_at').notNull(),
  updated_at: ts6('updated_at').notNull(),
  state: jsonb('state'),
  /** Added in GoodJob v4.15. */
  lock_type: smallint('lock_type'),
});

export const goodJobSettings = pgTable(
  'good_job_settings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    created_at: ts6('created_at').notNull(),
    updated_at: ts6('updated_at').notNull(),
    key: text('key'),
    value: jsonb('value'),
  },
  (t) => [uniqueIndex('index_good_job_settings_on_key').on(t.key)],
);

const unfinished = sql`finished_at IS NULL`;

export const goodJobs = pgTable(
  'good_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    queue_name: text('queue_name'),
    priority: integer('priority'),
    serialized_params: jsonb('serialized_params'),
    scheduled_at: ts('scheduled_at'),
    performed_at: ts('performed_at'),
    finished_at: ts('finished_at'),
    error: text('error'),
    created_at: ts6('created_at').notNull(),
    updated_at: ts6('updated_at').notNull(),
    active_job_id: uuid('active_job_id'),
    concurrency_key: text('concurrency_key'),
    cron_key: text('cron_key'),
    retried_good_job_id: uuid('retried_good_job_id'),
    cron_at: ts('cron_at'),
    batch_id: uuid('batch_id'),
    batch_callback_id: uuid('batch_callback_id'),
    is_discrete: boolean('is_discrete'),
    executions_count: integer('executions_count'),
    job_class: text('job_class'),
    error_event: smallint('error_event'),
    labels: text('labels').array(),
    locked_by_id: uuid('locked_by_id'),
    locked_at: ts('locked_at'),
    /** Added in GoodJob v4.15: absent on older databases (see lib/db/capabilities.ts). */
    lock_type: smallint('lock_type'),
  },
  (t) => [
    index('index_good_job_jobs_for_candidate_lookup').on(t.priority, t.created_at).where(unfinished),
    index('index_good_jobs_for_candidate_dequeue_unlocked')
      .on(t.priority, t.scheduled_at, t.id)
      .where(sql`finished_at IS NULL AND locked_by_id IS NULL`),
    index('index_good_jobs_jobs_on_finished_at_only').on(t.finished_at).where(sql`finished_at IS NOT NULL`),
    index('index_good_jobs_jobs_on_priority_created_at_when_unfinished')
      .on(t.priority.desc().nullsLast(), t.created_at)
      .where(unfinished),
    index('index_good_jobs_on_active_job_id_and_created_at').on(t.active_job_id, t.created_at),
    index('index_good_jobs_on_batch_callback_id').on(t.batch_callback_id).where(sql`batch_callback_id IS NOT NULL`),
    index('index_good_jobs_on_batch_id').on(t.batch_id).where(sql`batch_id IS NOT NULL`),
    index('index_good_jobs_on_concurrency_key_and_created_at').on(t.concurrency_key, t.created_at),
    index('index_good_jobs_on_concurrency_key_when_unfinished').on(t.concurrency_key).where(unfinished),
    index('index_good_jobs_on_created_at').on(t.created_at),
    index('index_good_jobs_on_cron_key_and_created_at_cond').on(t.cron_key, t.created_at).where(sql`cron_key IS NOT NULL`),
    uniqueIndex('index_good_jobs_on_cron_key_and_cron_at_cond').on(t.cron_key, t.cron_at).where(sql`cron_key IS NOT NULL`),
    index('index_good_jobs_on_discarded').on(t.finished_at.desc()).where(sql`finished_at IS NOT NULL AND error IS NOT NULL`),
    index('index_good_jobs_on_job_class').on(t.job_class),
    index('index_good_jobs_on_labels').using('gin', t.labels).where(sql`labels IS NOT NULL`),
    index('index_good_jobs_on_locked_by_id').on(t.locked_by_id).where(sql`locked_by_id IS NOT NULL`),
    index('index_good_jobs_on_priority_scheduled_at_unfinished').on(t.priority, t.scheduled_at, t.id).where(unfinished),
    index('index_good_jobs_on_priority_scheduled_at_unfinished_unlocked')
      .on(t.priority, t.scheduled_at)
      .where(sql`finished_at IS NULL AND locked_by_id IS NULL`),
    index('index_good_jobs_on_queue_name').on(t.queue_name),
    index('index_good_jobs_on_queue_name_and_scheduled_at').on(t.queue_name, t.scheduled_at).where(unfinished),
    index('index_good_jobs_on_queue_name_priority_scheduled_at_unfinished')
      .on(t.queue_name, t.scheduled_at, t.id)
      .where(unfinished),
    index('index_good_jobs_on_scheduled_at').on(t.scheduled_at).where(unfinished),
    index('index_good_jobs_on_scheduled_at_and_queue_name').on(t.scheduled_at, t.queue_name),
    index('index_good_jobs_on_unfinished_or_errored').on(t.id).where(sql`finished_at IS NULL OR error IS NOT NULL`),
  ],
);

export type GoodJobRow = typeof goodJobs.$inferSelect;
export type GoodJobBatchRow = typeof goodJobBatches.$inferSelect;
export type GoodJobExecutionRow = typeof goodJobExecutions.$inferSelect;
