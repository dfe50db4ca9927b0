// Rows each spec makes for itself, shaped like GoodJob's.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export type SeedState = 'discarded' | 'queued' | 'succeeded' | 'scheduled' | 'running';

const STATE_SQL: Record<SeedState, string> = {
  discarded: `scheduled_at = now() AT TIME ZONE 'UTC' - interval '2 hours', performed_at = now() AT TIME ZONE 'UTC' - interval '1 hour',
    finished_at = now() AT TIME ZONE 'UTC' - interval '1 hour', error = 'ExampleJob::DeadError: ExampleJob::DeadError', error_event = 4, executions_count = 3`,
  queued: `scheduled_at = now() AT TIME ZONE 'UTC' - interval '1 hour'`,
  succeeded: `scheduled_at = now() AT TIME ZONE 'UTC' - interval '2 hours', performed_at = now() AT TIME ZONE 'UTC' - interval '1 hour',
    finished_at = now() AT TIME ZONE 'UTC' - interval '1 hour', executions_count = 1`,
  scheduled: `scheduled_at = now() AT TIME ZONE 'UTC' + interval '1 day'`,
  running: `scheduled_at = now() AT TIME ZONE 'UTC' - interval '1 hour', performed_at = now() AT TIME ZONE 'UTC' - interval '1 minute'`,
};

/** A batch with one batched job per given state (plus a callback job); discarded when any job is discarded. */
export async function seedBatch(db: pg.Pool, states: SeedState[]): Promise<{ batchId: string; jobIds: string[] }> {
  const batchId = randomUUID();
  const discarded = states.includes('discarded');
  await db.query(
    `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, enqueued_at, discarded_at, finished_at, jobs_finished_at)
     VALUES ($1, now(), now(), 'e2e batch', '{}', 'ExampleJob::BatchJob::CallbackJob', now(), $2, $2, $2)`,
    [batchId, discarded ? new Date().toISOString().replace('T', ' ').replace('Z', '') : null],
  );
  const jobIds: string[] = [];
  for (const [i, state] of states.entries()) {
    const id = randomUUID();
    jobIds.push(id);
    const params = { job_id: id, locale: 'en', priority: null, timezone: 'UTC', arguments: [state], job_class: 'ExampleJob', executions: state === 'discarded' ? 2 : 0,
      queue_name: 'default', enqueued_at: '2026-01-01T00:00:00.000000000Z', scheduled_at: null, provider_job_id: id, exception_executions: {} };
    await db.query(
      `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, batch_id, job_class, executions_count, labels)
       VALUES ($1, $1, 'default', 0, $2, now() - ($3 || ' seconds')::interval, now(), $4, 'ExampleJob', 0, ARRAY['e2e'])`,
      [id, JSON.stringify(params), String(i), batchId],
    );
    await db.query(`UPDATE good_jobs SET ${STATE_SQL[state]} WHERE id = $1`, [id]);
  }
  return { batchId, jobIds };
}

/** A batch of `count` succeeded jobs created one second apart (the newest first in the page). */
export async function seedBigBatch(db: pg.Pool, count: number): Promise<{ batchId: string; newestFirst: string[] }> {
  const batchId = randomUUID();
  await db.query(`INSERT INTO good_job_batches (id, created_at, updated_at, description, enqueued_at) VALUES ($1, now(), now(), 'big e2e batch', now())`, [batchId]);
  await db.query(
    `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, performed_at, finished_at, batch_id, job_class, executions_count)
     SELECT id, id, 'default', 0, jsonb_build_object('job_id', id, 'arguments', jsonb_build_array(i)), t, t, t, t, t, $1, 'PagedJob', 1
     FROM (SELECT gen_random_uuid() AS id, i, timestamp '2026-01-01' + i * interval '1 second' AS t FROM generate_series(1, $2::int) AS i) AS s`,
    [batchId, count],
  );
  const { rows } = await db.query<{ id: string }>('SELECT id FROM good_jobs WHERE batch_id = $1 ORDER BY created_at DESC, id DESC', [batchId]);
  return { batchId, newestFirst: rows.map((r) => r.id) };
}

/**
 * A batch of `count` queued jobs as GoodJob enqueues a labelled class with a concurrency key (queue `backlog`, labels
 * held and q), created a microsecond apart, with the given callback classes.
 */
export async function seedLabelledBatch(db: pg.Pool, count: number, callbacks: { onFinish?: string; onDiscard?: string } = {}): Promise<{ batchId: string; queue: string }> {
  const batchId = randomUUID();
  const queue = `backlog-${batchId.slice(0, 8)}`;
  await db.query(
    `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, on_discard, enqueued_at)
     VALUES ($1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 'labelled e2e batch', '{}', $2, $3, now() AT TIME ZONE 'UTC')`,
    [batchId, callbacks.onFinish ?? null, callbacks.onDiscard ?? null],
  );
  await db.query(
    `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, batch_id, job_class, labels, concurrency_key)
     SELECT id, id, $3, 0, jsonb_build_object('job_id', id, 'locale', 'en', 'priority', NULL, 'timezone', 'UTC', 'arguments', jsonb_build_array(i),
              'job_class', 'LabelledJob', 'executions', 0, 'queue_name', $3::text, 'enqueued_at', '2026-01-01T00:00:00Z', 'provider_job_id', NULL, 'exception_executions', '{}'::jsonb),
            t, t, t, $1, 'LabelledJob', ARRAY['held', 'q'], 'labelled-key'
     FROM (SELECT gen_random_uuid() AS id, i, (now() AT TIME ZONE 'UTC') - interval '1 hour' + i * interval '1 microsecond' AS t FROM generate_series(1, $2::int) AS i) AS s`,
    [batchId, count, queue],
  );
  return { batchId, queue };
}
