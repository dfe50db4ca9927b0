// "Run now" for a cron key. GoodJob's own button runs the entry from the Rails app's configuration (CronEntry#enqueue
// with cron_at = now); a dashboard beside the app cannot read that configuration, so it repeats the key's newest run
// (GoodJob's CronEntry#last_job order: cron_at DESC NULLS LAST) as a new job, the way ActiveJob would have written it.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { activeJobTimeLike } from '../domain/time';
import { newestRunSql } from '../sql/newest-run';
import { notifyQueued } from './job-set';
import { textArraySql } from './sql-values';

export type RunCronOutcome = { outcome: 'done'; jobId: string } | { outcome: 'not_found' };

type LastRun = {
  id: string;
  queue_name: string | null;
  priority: number | null;
  serialized_params: Record<string, unknown> | null;
  concurrency_key: string | null;
  job_class: string | null;
  labels: string[] | null;
  is_discrete: boolean | null;
  now: string;
};

/**
 * The new job's serialized_params: the last run's, as a fresh enqueue (a new job id, no executions yet, enqueued
 * now). provider_job_id stays null, as ActiveJob serializes a job before GoodJob's adapter gives it one
 * (goodjob-actions/settings/cron-enqueue.json: "Enqueue now" writes null).
 */
export function freshParams(last: Record<string, unknown>, jobId: string, now: string): Record<string, unknown> {
  const params: Record<string, unknown> = { ...last, job_id: jobId, provider_job_id: null, executions: 0, exception_executions: {} };
  params.enqueued_at = activeJobTimeLike(now, last.enqueued_at);
  if ('scheduled_at' in last) params.scheduled_at = null;
  return params;
}

export async function runCronNow(db: Db, cronKey: string): Promise<RunCronOutcome> {
  return db.transaction(async (tx): Promise<RunCronOutcome> => {
    const { rows } = await tx.execute<LastRun>(sql`
      SELECT last.*, (now() AT TIME ZONE 'UTC')::timestamp(6)::text AS now
      FROM (${newestRunSql(sql`${cronKey}`, sql`id, queue_name, priority, serialized_params, concurrency_key, job_class, labels, is_discrete`)}) last`);
    const last = rows[0];
    if (!last) return { outcome: 'not_found' };
    const jobId = randomUUID();
    const params = freshParams(last.serialized_params ?? {}, jobId, last.now);
    await tx.execute(sql`
      INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, created_at, updated_at,
                             concurrency_key, cron_key, cron_at, job_class, labels, executions_count, is_discrete)
      VALUES (${jobId}, ${jobId}, ${last.queue_name}, ${last.priority}, ${JSON.stringify(params)}::jsonb, ${last.now}::timestamp,
              ${last.now}::timestamp, ${last.now}::timestamp, ${last.concurrency_key}, ${cronKey}, ${last.now}::timestamp,
              ${last.job_class}, ${textArraySql(last.labels)}, NULL, ${last.is_discrete})`);
    await notifyQueued(tx, [last.queue_name], last.now);
    return { outcome: 'done', jobId };
  });
}
