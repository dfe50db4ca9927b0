// A test worker that behaves like GoodJob's in its default advisory mode, for race tests beside dashboard actions:
// it locks a due job with a session advisory lock on 'good_jobs-<id>', marks it performed and locked by its process,
// "performs" it, then records an execution and finishes it (succeeded, retried later, or discarded after its retries),
// updates the batch like GoodJob when its last job finishes, and unlocks.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const key = (expr: string) => `('x' || substr(md5(${expr}), 1, 16))::bit(64)::bigint`;
const NOW = `(clock_timestamp() AT TIME ZONE 'UTC')`;

export interface WorkerStats {
  performed: number;
  /** Rows a dashboard action changed while this worker held them (must stay 0). */
  violations: number;
}

export class TestWorker {
  readonly processId = randomUUID();
  readonly stats: WorkerStats = { performed: 0, violations: 0 };
  private readonly client: pg.Client;

  constructor(url: string, private readonly random: () => number) {
    this.client = new pg.Client({ connectionString: url });
  }

  async start() {
    await this.client.connect();
  }

  async stop() {
    await this.client.end();
  }

  /** Works one job if one is due; false when none could be locked. */
  async workOnce(): Promise<boolean> {
    const c = this.client;
    const { rows: candidates } = await c.query<{ id: string }>(
      `SELECT id FROM good_jobs WHERE finished_at IS NULL AND performed_at IS NULL AND COALESCE(scheduled_at, created_at) <= ${NOW}
       ORDER BY priority, created_at LIMIT 10`,
    );
    for (const { id } of candidates) {
      const { rows } = await c.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${key("'good_jobs-' || $1::text")}) AS locked`, [id]);
      if (!rows[0]!.locked) continue;
      try {
        // Under the lock, the row as it is now; a stale candidate (finished or taken meanwhile) is skipped.
        const { rows: seen } = await c.query<{ updated_at: string; due: boolean }>(
          `SELECT updated_at::text, (finished_at IS NULL AND performed_at IS NULL AND COALESCE(scheduled_at, created_at) <= ${NOW}) AS due FROM good_jobs WHERE id = $1`,
          [id],
        );
        if (!seen[0]?.due) continue;
        // GoodJob deserializes the job before marking it performed: nobody else may touch the row in between.
        await new Promise((r) => setTimeout(r, 1 + Math.floor(this.random() * 3)));
        const marked = await c.query<{ updated_at: string; active_job_id: string; batch_id: string | null; executions: number }>(
          `UPDATE good_jobs SET performed_at = ${NOW}, locked_by_id = $2, locked_at = ${NOW}, executions_count = COALESCE(executions_count, 0) + 1, updated_at = ${NOW}
           WHERE id = $1 AND updated_at = $3::timestamp
           RETURNING updated_at::text, active_job_id, batch_id, COALESCE((serialized_params->>'executions')::int, 0) AS executions`,
          [id, this.processId, seen[0].updated_at],
        );
        if (marked.rowCount === 0) {
          this.stats.violations += 1;
          continue;
        }
        const job = marked.rows[0]!;
        await new Promise((r) => setTimeout(r, 1 + Math.floor(this.random() * 4)));
        await this.finish(id, job);
        this.stats.performed += 1;
        return true;
      } finally {
        await c.query(`SELECT pg_advisory_unlock(${key("'good_jobs-' || $1::text")})`, [id]);
      }
    }
    return false;
  }

  private async finish(id: string, job: { updated_at: string; active_job_id: string; batch_id: string | null; executions: number }) {
    const c = this.client;
    await c.query('BEGIN');
    try {
      const { rows } = await c.query<{ updated_at: string; locked_by_id: string | null }>('SELECT updated_at::text, locked_by_id FROM good_jobs WHERE id = $1 FOR UPDATE', [id]);
      if (rows[0]?.updated_at !== job.updated_at || rows[0]?.locked_by_id !== this.processId) this.stats.violations += 1;
      const roll = this.random();
      const outcome = roll < 0.65 ? 'succeeded' : job.executions >= 2 || roll > 0.9 ? 'discarded' : 'retried';
      const error = outcome === 'succeeded' ? null : 'RaceJob::Error: failed on purpose';
      await c.query(
        `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, finished_at, error, error_event, process_id, duration)
         VALUES (gen_random_uuid(), ${NOW}, ${NOW}, $1, 'RaceJob', 'race', ${NOW}, $2, $3, $4, interval '3 milliseconds')`,
        [job.active_job_id, error, outcome === 'succeeded' ? null : outcome === 'retried' ? 3 : 4, this.processId],
      );
      if (outcome === 'retried') {
        await c.query(
          `UPDATE good_jobs SET performed_at = NULL, locked_by_id = NULL, locked_at = NULL, error = $2, error_event = 3, scheduled_at = ${NOW} + interval '20 milliseconds',
             serialized_params = jsonb_set(serialized_params, '{executions}', to_jsonb(COALESCE((serialized_params->>'executions')::int, 0) + 1)), updated_at = ${NOW}
           WHERE id = $1`,
          [id, error],
        );
      } else {
        await c.query(
          `UPDATE good_jobs SET finished_at = ${NOW}, locked_by_id = NULL, locked_at = NULL, error = $2, error_event = $3, updated_at = ${NOW} WHERE id = $1`,
          [id, error, outcome === 'discarded' ? 4 : null],
        );
      }
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    }
    if (job.batch_id) await this.updateBatch(job.batch_id);
  }

  /** GoodJob's batch bookkeeping: once no batched job is unfinished, the batch's times are set (under its lock). */
  private async updateBatch(batchId: string) {
    const c = this.client;
    await c.query(`SELECT pg_advisory_lock(${key("'good_job_batches-' || $1::text")})`, [batchId]);
    try {
      await c.query(
        `UPDATE good_job_batches b SET
           jobs_finished_at = COALESCE(b.jobs_finished_at, ${NOW}), finished_at = COALESCE(b.finished_at, ${NOW}),
           discarded_at = CASE WHEN EXISTS (SELECT 1 FROM good_jobs j WHERE j.batch_id = b.id AND j.error IS NOT NULL AND j.finished_at IS NOT NULL) THEN COALESCE(b.discarded_at, ${NOW}) ELSE b.discarded_at END,
           updated_at = ${NOW}
         WHERE b.id = $1 AND NOT EXISTS (SELECT 1 FROM good_jobs j WHERE j.batch_id = b.id AND j.finished_at IS NULL)`,
        [batchId],
      );
    } finally {
      await c.query(`SELECT pg_advisory_unlock(${key("'good_job_batches-' || $1::text")})`, [batchId]);
    }
  }
}

/** A small deterministic random number generator, so that a failing run can be replayed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
