// The callback jobs Discard batch enqueues, planned before anything changes (lib/domain/batch-callback.ts has the
// rule): the GlobalID app, and per callback class an earlier callback job of it, its GOOD_JOB_CALLBACK_QUEUES entry
// and ActiveJob's shape from one of the batch's own jobs.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { callbackQueues, globalIdAppSetting } from '../config';
import { callbackRow, globalIdApp, type CallbackBatch, type CallbackEvent, type CallbackSources, type CallbackTemplate } from '../domain/batch-callback';
import { notifyQueued, type Tx } from './job-set';
import { textArraySql } from './sql-values';

/** What the dashboard cannot know to write a callback job GoodJob's worker would run, and the setting that says it. */
export type NeedsSetting =
  | { outcome: 'needs_setting'; setting: 'GOOD_JOB_GLOBALID_APP' }
  | { outcome: 'needs_setting'; setting: 'GOOD_JOB_CALLBACK_QUEUES'; jobClass: string }
  | { outcome: 'needs_setting'; setting: 'GOOD_JOB_CALLBACK_QUEUES'; invalid: string[] };

export interface CallbackPlan {
  app: string;
  sources: Partial<Record<CallbackEvent, CallbackSources>>;
}

type Reader = Pick<Db, 'execute'>;
type PlannedBatch = CallbackBatch & { on_discard: string | null; on_success: string | null; on_finish: string | null };

export const callbackClass = (batch: PlannedBatch, event: CallbackEvent) => (event === 'discard' ? batch.on_discard : event === 'success' ? batch.on_success : batch.on_finish);

/** The newest earlier callback job of the class (any batch), preferably one whose batch left queue and priority to it. */
async function templateFor(db: Reader, jobClass: string): Promise<CallbackTemplate | null> {
  const { rows } = await db.execute<CallbackTemplate & Record<string, unknown>>(sql`
    SELECT j.queue_name, j.priority, j.concurrency_key, j.labels, j.is_discrete, j.serialized_params,
           b.callback_queue_name IS NOT NULL AS queue_set, b.callback_priority IS NOT NULL AS priority_set
    FROM good_jobs j LEFT JOIN good_job_batches b ON b.id = j.batch_callback_id
    WHERE j.batch_callback_id IS NOT NULL AND j.job_class = ${jobClass}
    ORDER BY (b.callback_queue_name IS NULL AND b.callback_priority IS NULL) DESC, j.created_at DESC LIMIT 1`);
  return rows[0] ?? null;
}

/** ActiveJob's shape in this app (Rails version, locale, time zone): the newest of the batch's own jobs. */
async function shapeOf(db: Reader, batchId: string): Promise<Record<string, unknown> | null> {
  const { rows } = await db.execute<{ serialized_params: Record<string, unknown> | null }>(sql`
    SELECT serialized_params FROM good_jobs WHERE batch_id = ${batchId} ORDER BY created_at DESC LIMIT 1`);
  return rows[0]?.serialized_params ?? null;
}

/** The GlobalID app: from this batch's callback jobs, else the newest callback job, else GOOD_JOB_GLOBALID_APP. */
async function globalIdAppFor(db: Reader, batchId: string): Promise<string | null> {
  const { rows } = await db.execute<{ serialized_params: unknown }>(sql`
    (SELECT serialized_params FROM good_jobs WHERE batch_callback_id = ${batchId} ORDER BY created_at DESC LIMIT 1)
    UNION ALL
    (SELECT serialized_params FROM good_jobs WHERE batch_callback_id IS NOT NULL ORDER BY created_at DESC LIMIT 1)`);
  for (const row of rows) {
    const app = globalIdApp(row.serialized_params);
    if (app) return app;
  }
  return globalIdAppSetting();
}

/** Everything the callback jobs of these events need, or what is missing (then nothing may change). */
export async function planCallbacks(db: Reader, batch: PlannedBatch, events: readonly CallbackEvent[]): Promise<CallbackPlan | NeedsSetting> {
  const wanted = events.filter((event) => callbackClass(batch, event));
  if (wanted.length === 0) return { app: '', sources: {} };
  const configured = callbackQueues();
  if (!configured.ok) return { outcome: 'needs_setting', setting: 'GOOD_JOB_CALLBACK_QUEUES', invalid: configured.bad };
  const app = await globalIdAppFor(db, batch.id);
  if (app === null) return { outcome: 'needs_setting', setting: 'GOOD_JOB_GLOBALID_APP' };
  const sources: CallbackPlan['sources'] = {};
  let shape: Record<string, unknown> | null | undefined;
  for (const event of wanted) {
    const jobClass = callbackClass(batch, event)!;
    const template = await templateFor(db, jobClass);
    if (!template && shape === undefined) shape = await shapeOf(db, batch.id);
    sources[event] = { template, configured: configured.queues.get(jobClass) ?? null, shape: shape ?? null };
    const probe = callbackRow(batch, jobClass, event, sources[event], app, '00000000-0000-4000-8000-000000000000', '2000-01-01 00:00:00');
    if ('missing' in probe) return { outcome: 'needs_setting', setting: 'GOOD_JOB_CALLBACK_QUEUES', jobClass };
  }
  return { app, sources };
}

/**
 * The callback job's INSERT, as GoodJob's adapter writes it (no batch_id; batch_callback_id = the batch; created and
 * scheduled now; executions_count NULL until a worker runs it), and its NOTIFY.
 */
export async function insertCallback(tx: Tx, batch: PlannedBatch, jobClass: string, event: CallbackEvent, plan: CallbackPlan, id: string) {
  // Each enqueue at its own moment, as GoodJob's are: the discard callback is older than the finish callback.
  const { rows: clock } = await tx.execute<{ now: string }>(sql`SELECT (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(6)::text AS now`);
  const now = clock[0]!.now;
  const row = callbackRow(batch, jobClass, event, plan.sources[event]!, plan.app, id, now);
  if ('missing' in row) throw new Error(`callback ${event} planned but not writable`);
  await tx.execute(sql`
    INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, created_at, updated_at,
                           concurrency_key, batch_callback_id, job_class, labels, executions_count, is_discrete)
    VALUES (${id}, ${id}, ${row.queue_name}, ${row.priority}, ${JSON.stringify(row.serialized_params)}::jsonb, ${now}::timestamp,
            ${now}::timestamp, ${now}::timestamp, ${row.concurrency_key}, ${batch.id}, ${jobClass},
            ${textArraySql(row.labels)}, NULL, ${row.is_discrete})`);
  await notifyQueued(tx, [row.queue_name], now);
}
