import { describe, expect, it } from 'vitest';
import { retryBatch } from '../commands/batch-commands';
import { JOB_COMMANDS } from '../commands/job-commands';
import { EMPTY_JOB_FILTER } from '../domain/job-filter';
import { JOB_STATUSES, allowedActions } from '../domain/job-state';
import type { PageRequest } from '../domain/paging';
import { loadBatchPage } from '../queries/batch-page';
import { countJobsByState, listJobs } from '../queries/jobs';
import { insertJob } from '../testing/factories';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { batchPageSignature, jobsListSignature } from './views';

// Live updates answer "nothing changed" (304) from a signature over the rows' ids, `updated_at` and state, and the
// counts: a write the signature cannot see would never reach an open page.

const LONG_AGO = '2000-01-01 00:00:00';
const FIRST_PAGE: PageRequest = { after: null, before: null };

describe('live signatures', () => {
  const s = scratchDbForSuite({ schema: 'current' });

  for (const state of JOB_STATUSES) {
    for (const action of allowedActions(state).filter((a) => a !== 'destroy')) {
      it(`every dashboard write sets updated_at: ${action} on a ${state} job`, async () => {
        const id = await insertJob(s.pool, state, { updated_at: LONG_AGO });
        expect(await JOB_COMMANDS[action](s.db, id)).toBe('done');
        const { rows } = await s.pool.query<{ moved: boolean }>('SELECT updated_at > $2::timestamp AS moved FROM good_jobs WHERE id = $1', [id, LONG_AGO]);
        expect(rows[0]!.moved).toBe(true);
      });
    }
  }

  it('every dashboard write sets updated_at: Retry batch, on the batch and its retried jobs', async () => {
    const { rows } = await s.pool.query(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at, discarded_at, finished_at)
      VALUES (gen_random_uuid(), now(), $1, now(), now(), now()) RETURNING id`, [LONG_AGO]);
    const batchId = rows[0].id as string;
    const job = await insertJob(s.pool, 'discarded', { batch_id: batchId, updated_at: LONG_AGO });
    expect((await retryBatch(s.db, batchId)).outcome).toBe('done');
    const moved = await s.pool.query<{ b: boolean; j: boolean }>(
      `SELECT (SELECT updated_at > $3::timestamp FROM good_job_batches WHERE id = $1) AS b, (SELECT updated_at > $3::timestamp FROM good_jobs WHERE id = $2) AS j`,
      [batchId, job, LONG_AGO],
    );
    expect(moved.rows[0]).toEqual({ b: true, j: true });
  });

  it("the jobs list's: equal while nothing changes; a row's write changes the rows' part; a move between tabs the counts' too", async () => {
    await s.pool.query('TRUNCATE good_jobs');
    const now = new Date();
    const ids = [await insertJob(s.pool, 'queued'), await insertJob(s.pool, 'succeeded'), await insertJob(s.pool, 'discarded')];
    const signature = async (at = now) => jobsListSignature(await listJobs(s.db, EMPTY_JOB_FILTER, FIRST_PAGE, at), await countJobsByState(s.db, EMPTY_JOB_FILTER, at), at);
    const first = await signature();
    expect(await signature()).toEqual(first);

    await s.pool.query(`UPDATE good_jobs SET labels = ARRAY['x'], updated_at = now() AT TIME ZONE 'UTC' + interval '1 second' WHERE id = $1`, [ids[1]]);
    const relabelled = await signature();
    expect(relabelled.tag).not.toBe(first.tag);
    expect(relabelled.others).toBe(first.others);

    expect(await JOB_COMMANDS.retry(s.db, ids[2]!)).toBe('done');
    const retried = await signature();
    expect(retried.tag).not.toBe(relabelled.tag);
    expect(retried.others).not.toBe(relabelled.others);

    // No write at all: a scheduled job falls due, and what the list shows (its state) changes with the clock.
    const scheduled = await insertJob(s.pool, 'scheduled');
    const { rows } = await s.pool.query<{ at: Date }>(`SELECT scheduled_at AT TIME ZONE 'UTC' AS at FROM good_jobs WHERE id = $1`, [scheduled]);
    const before = new Date(rows[0]!.at.getTime() - 1000);
    const after = new Date(rows[0]!.at.getTime() + 1000);
    expect((await signature(after)).tag).not.toBe((await signature(before)).tag);
  });

  it("a batch page's: the batch's own write shows in the rest, a job's in its table", async () => {
    const { rows } = await s.pool.query(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at) VALUES (gen_random_uuid(), now(), now(), now()) RETURNING id`);
    const batchId = rows[0].id as string;
    const job = await insertJob(s.pool, 'queued', { batch_id: batchId });
    const now = new Date();
    const signature = async () => batchPageSignature((await loadBatchPage(s.db, batchId, { page: FIRST_PAGE, status: null, now, inspect: false }))!, now);
    const first = await signature();
    expect(await signature()).toEqual(first);
    await s.pool.query(`UPDATE good_jobs SET priority = 7, updated_at = now() AT TIME ZONE 'UTC' + interval '1 second' WHERE id = $1`, [job]);
    const changed = await signature();
    expect([changed.tag !== first.tag, changed.others === first.others]).toEqual([true, true]);
    await s.pool.query(`UPDATE good_job_batches SET description = 'x', updated_at = now() AT TIME ZONE 'UTC' + interval '1 second' WHERE id = $1`, [batchId]);
    expect((await signature()).others).not.toBe(changed.others);
  });
});

