// GoodJob::Batch#retry: under the batch's lock, the batch is no longer discarded or finished, then every discarded
// batched job (not the callback jobs) is retried as GoodJob::Job#retry_job does. One transaction: all or nothing.
import { sql } from 'drizzle-orm';
import { batchLockTimeout } from '../config';
import { getCapabilities } from '../db/capabilities';
import type { Db } from '../db/client';
import { batchLockKey, jobLockKey } from '../domain/advisory-lock';
import { isLockNotAvailable, lockKeySql, LockedError } from '../db/lock-key';
import type { CommandOutcome } from './job-commands';
import { notifyQueued } from './job-set';
import { retryUpdateSql } from './retry-sql';


export interface BatchRetryResult {
  outcome: CommandOutcome;
  /** Jobs retried (0 unless done). */
  retried: number;
}

export async function retryBatch(db: Db, batchId: string): Promise<BatchRetryResult> {
  const caps = await getCapabilities(db);
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('lock_timeout', ${batchLockTimeout()}, true)`);
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockKeySql(batchLockKey(batchId))})`);
      const { rows } = await tx.execute<{ discarded_at: string | null; now: string }>(sql`
        SELECT discarded_at, (clock_timestamp() AT TIME ZONE 'UTC')::timestamp(6)::text AS now
        FROM good_job_batches WHERE id = ${batchId} FOR NO KEY UPDATE`);
      const batch = rows[0];
      if (!batch) return { outcome: 'not_found', retried: 0 };
      if (batch.discarded_at === null) return { outcome: 'wrong_state', retried: 0 };
      const jobs = await tx.execute<{ id: string; queue_name: string | null }>(sql`
        SELECT id, queue_name FROM good_jobs
        WHERE batch_id = ${batchId} AND finished_at IS NOT NULL AND error IS NOT NULL
        ORDER BY created_at, id FOR NO KEY UPDATE NOWAIT`);
      if (jobs.rows.length === 0) return { outcome: 'wrong_state', retried: 0 };
      for (const job of jobs.rows) {
        const { rows: lock } = await tx.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${lockKeySql(jobLockKey(job.id))}) AS locked`);
        if (!lock[0]?.locked) throw new LockedError();
      }
      const jobsFinished = caps.hasJobsFinishedAt ? sql`, jobs_finished_at = NULL` : sql``;
      await tx.execute(sql`UPDATE good_job_batches SET discarded_at = NULL, finished_at = NULL${jobsFinished},
        updated_at = ${batch.now}::timestamp WHERE id = ${batchId}`);
      await tx.execute(retryUpdateSql(jobs.rows.map((j) => j.id), batch.now));
      await notifyQueued(tx, jobs.rows.map((j) => j.queue_name), batch.now);
      return { outcome: 'done', retried: jobs.rows.length };
    });
  } catch (error) {
    if (isLockNotAvailable(error)) return { outcome: 'locked', retried: 0 };
    throw error;
  }
}
