// Rows for database tests, shaped like GoodJob's (ActiveJob serialized_params, executions, labels).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { JobStatus } from '../domain/job-state';

export interface JobOverrides {
  [column: string]: unknown;
}

const PAST = "(now() AT TIME ZONE 'UTC') - interval '1 hour'";
const FUTURE = "(now() AT TIME ZONE 'UTC') + interval '1 hour'";

/** Column values that put a job in each state (GoodJob's rule). */
export const STATE_COLUMNS: Record<JobStatus, Record<string, string>> = {
  scheduled: { scheduled_at: FUTURE },
  retried: { scheduled_at: FUTURE, error: "'StandardError: once'", error_event: '3', executions_count: '1' },
  queued: { scheduled_at: PAST },
  running: { scheduled_at: PAST, performed_at: PAST },
  succeeded: { scheduled_at: PAST, performed_at: PAST, finished_at: PAST, executions_count: '1' },
  discarded: { scheduled_at: PAST, performed_at: PAST, finished_at: PAST, error: "'ExampleJob::DeadError: dead'", error_event: '4', executions_count: '3' },
};

export async function insertJob(pool: pg.Pool, state: JobStatus, values: JobOverrides = {}): Promise<string> {
  const id = (values.id as string | undefined) ?? randomUUID();
  const params = {
    job_id: id,
    locale: 'en',
    priority: null,
    timezone: 'UTC',
    arguments: ['factory'],
    job_class: 'FactoryJob',
    executions: state === 'discarded' ? 2 : 0,
    queue_name: 'default',
    enqueued_at: '2026-01-01T00:00:00.000000000Z',
    scheduled_at: null,
    provider_job_id: id,
    exception_executions: {},
  };
  const columns: Record<string, string> = {
    id: `'${id}'`,
    active_job_id: `'${id}'`,
    queue_name: "'default'",
    priority: '0',
    job_class: "'FactoryJob'",
    serialized_params: `'${JSON.stringify(params).replaceAll("'", "''")}'::jsonb`,
    created_at: PAST,
    updated_at: PAST,
    executions_count: '0',
    ...STATE_COLUMNS[state],
  };
  const names = Object.keys(columns);
  const literal = Object.values(columns);
  const extra = Object.entries(values).filter(([k]) => k !== 'id');
  const placeholders = extra.map((_, i) => `$${i + 1}`);
  await pool.query(
    `INSERT INTO good_jobs (${[...names.filter((n) => !extra.some(([k]) => k === n)), ...extra.map(([k]) => k)].join(', ')})
     VALUES (${[...literal.filter((_, i) => !extra.some(([k]) => k === names[i])), ...placeholders].join(', ')})`,
    extra.map(([, v]) => v),
  );
  return id;
}

export async function insertExecution(pool: pg.Pool, activeJobId: string): Promise<void> {
  await pool.query(
    `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, error, error_event)
     VALUES (gen_random_uuid(), now(), now(), $1, 'FactoryJob', 'default', 'E: x', 3)`,
    [activeJobId],
  );
}

export async function jobRow(pool: pg.Pool, id: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await pool.query('SELECT * FROM good_jobs WHERE id = $1', [id]);
  return rows[0];
}

export interface ExecutionValues {
  activeJobId: string;
  createdAt: string;
  jobClass?: string | null;
  queueName?: string | null;
  /** null: no duration (running or interrupted). */
  durationMs?: number | null;
  error?: string | null;
  processId?: string | null;
}

/** An execution as GoodJob writes one when it starts (created_at) and finishes (duration, finished_at, error). */
export async function insertTimedExecution(pool: pg.Pool, v: ExecutionValues): Promise<string> {
  const id = randomUUID();
  const duration = v.durationMs ?? null;
  await pool.query(
    `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, scheduled_at, finished_at, error, error_event, process_id, duration)
     VALUES ($1, $2::timestamp, $2::timestamp, $3, $4, $5, $2::timestamp,
       CASE WHEN $6::float8 IS NULL THEN NULL ELSE $2::timestamp + $6::float8 * interval '1 millisecond' END,
       $7, CASE WHEN $7::text IS NULL THEN NULL ELSE 3 END, $8, $6::float8 * interval '1 millisecond')`,
    [id, v.createdAt, v.activeJobId, v.jobClass === undefined ? 'FactoryJob' : v.jobClass, v.queueName === undefined ? 'default' : v.queueName, duration, v.error ?? null, v.processId ?? null],
  );
  return id;
}
