// The SQL twins of the TypeScript state rules, compared at their edges (issue #32): a job due exactly now, one due a
// millisecond later, one with no scheduled_at; a batch in each of its five states — on both schemas a batch may have.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getCapabilities } from '../db/capabilities';
import { goodJobs } from '../db/schema';
import { BATCH_STATES, batchState, type BatchState } from '../domain/batch-state';
import { jobStatus, type JobStatus } from '../domain/job-state';
import { toDbTime } from '../domain/time';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { batchStateSql } from './batches';
import { jobStatusSql } from '../sql/job-status-sql';

describe('jobStatusSql agrees with jobStatus() where "due" turns', () => {
  const s = scratchDbForSuite();

  it('due exactly now is queued; a millisecond later scheduled (retried with an error); no scheduled_at counts created_at', async () => {
    const now = new Date('2026-06-01T12:00:00.000Z');
    const at = (ms: number) => toDbTime(new Date(now.getTime() + ms));
    const cases: { scheduled_at: string | null; created_at: string; error: string | null; expected: JobStatus }[] = [
      { scheduled_at: at(0), created_at: at(-60_000), error: null, expected: 'queued' },
      { scheduled_at: at(1), created_at: at(-60_000), error: null, expected: 'scheduled' },
      { scheduled_at: at(1), created_at: at(-60_000), error: 'StandardError: once', expected: 'retried' },
      { scheduled_at: at(0), created_at: at(-60_000), error: 'StandardError: once', expected: 'queued' },
      { scheduled_at: null, created_at: at(0), error: null, expected: 'queued' },
      { scheduled_at: null, created_at: at(1), error: null, expected: 'scheduled' },
    ];
    for (const [i, c] of cases.entries()) {
      await s.pool.query(
        `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, error, job_class)
         VALUES (gen_random_uuid(), gen_random_uuid(), 'default', $1, '{}', $2, $2, $3, $4, 'EdgeJob')`,
        [i, c.created_at, c.scheduled_at, c.error],
      );
    }
    const rows = await s.db
      .select({
        priority: goodJobs.priority,
        sqlStatus: jobStatusSql(now),
        scheduled_at: goodJobs.scheduled_at,
        performed_at: goodJobs.performed_at,
        finished_at: goodJobs.finished_at,
        created_at: goodJobs.created_at,
        error: goodJobs.error,
      })
      .from(goodJobs)
      .orderBy(goodJobs.priority);
    expect(rows.map((r) => r.sqlStatus)).toEqual(cases.map((c) => c.expected));
    expect(rows.map((r) => jobStatus(r, now))).toEqual(cases.map((c) => c.expected));
  });
});

describe('batchStateSql agrees with batchState() on each of the five states', () => {
  for (const schema of ['current', 'before-v4.15'] as const) {
    describe(schema === 'current' ? 'with jobs_finished_at' : 'before v4.15 (no jobs_finished_at)', () => {
      const s = scratchDbForSuite(schema === 'current' ? {} : { schema });

      it('selects each batch by exactly the state its TypeScript rule gives', async () => {
        const caps = await getCapabilities(s.db);
        const t = "'2026-06-01 12:00:00'";
        const shapes: Record<BatchState, Record<string, string>> = {
          discarded: { enqueued_at: t, discarded_at: t, finished_at: t, jobs_finished_at: t },
          succeeded: { enqueued_at: t, finished_at: t, jobs_finished_at: t },
          callbacksRunning: { enqueued_at: t, jobs_finished_at: t },
          inProgress: { enqueued_at: t },
          notEnqueued: {},
        };
        const ids: Record<string, BatchState> = {};
        for (const state of BATCH_STATES) {
          const columns = Object.fromEntries(Object.entries(shapes[state]).filter(([c]) => c !== 'jobs_finished_at' || caps.hasJobsFinishedAt));
          const names = ['id', 'created_at', 'updated_at', ...Object.keys(columns)];
          const { rows } = await s.pool.query<{ id: string }>(
            `INSERT INTO good_job_batches (${names.join(', ')}) VALUES (gen_random_uuid(), now(), now()${Object.values(columns).map((v) => `, ${v}`).join('')}) RETURNING id`,
          );
          ids[rows[0]!.id] = state;
        }
        for (const state of BATCH_STATES) {
          const { rows } = await s.db.execute<{ id: string }>(sql`SELECT id FROM good_job_batches WHERE ${batchStateSql(state, caps)}`);
          // Before v4.15 GoodJob has no "callbacks running" column: such a batch reads as in progress, in SQL and in code.
          const expected = Object.entries(ids)
            .filter(([, s2]) => (caps.hasJobsFinishedAt || s2 !== 'callbacksRunning' ? s2 : 'inProgress') === state)
            .map(([id]) => id);
          expect(rows.map((r) => r.id).sort(), state).toEqual(expected.sort());
        }
        const { rows: batches } = await s.pool.query(`SELECT * FROM good_job_batches`);
        for (const b of batches) {
          const code = batchState({ ...b, jobs_finished_at: b.jobs_finished_at ?? null });
          expect(code, b.id).toBe(caps.hasJobsFinishedAt || ids[b.id] !== 'callbacksRunning' ? ids[b.id] : 'inProgress');
        }
      });
    });
  }
});
