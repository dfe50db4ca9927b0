import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCapabilities } from '../db/capabilities';
import { goodJobs } from '../db/schema';
import { batchAttributesJson, jobInspectJson } from '../domain/inspect-json';
import { jobStatus } from '../domain/job-state';
import { batchState, type BatchStateFields } from '../domain/batch-state';
import { jsonBlocksOf } from '../testing/seed-pages';
import { parseDbTime } from '../domain/time';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { countBatchJobs, getBatch, listBatches, listBatchJobs, PAGE_SIZE } from './batches';
import { loadBatchPage } from './batch-page';
import type { Cursor } from '../domain/cursor';
import { RECORDED_AT } from '../db/seed/time-shift.mjs';

const now = new Date();

/** Every job's state by the SQL filters, checked against jobStatus() at the same moment: id → state. */
async function statesInSqlAndCode(s: ScratchDb, at: Date): Promise<Record<string, string>> {
  const { jobStatusSql } = await import('../sql/job-status-sql');
  const rows = await s.db
    .select({
      id: goodJobs.id,
      sqlStatus: jobStatusSql(at),
      scheduled_at: goodJobs.scheduled_at,
      performed_at: goodJobs.performed_at,
      finished_at: goodJobs.finished_at,
      created_at: goodJobs.created_at,
      error: goodJobs.error,
    })
    .from(goodJobs);
  for (const row of rows) expect(row.sqlStatus, row.id).toBe(jobStatus(row, at));
  return Object.fromEntries(rows.map((r) => [r.id, r.sqlStatus]));
}

describe("on GoodJob's own database (goodjob-real.sql, loaded with psql)", () => {
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  it('probes the current schema', async () => {
    const caps = await getCapabilities(s.db);
    expect(caps.hasLockType).toBe(true);
    expect(caps.hasJobsFinishedAt).toBe(true);
    expect(caps.jobColumns.slice(0, 4)).toEqual(['id', 'queue_name', 'priority', 'serialized_params']);
  });

  it('opens every batch, with its times read as UTC whatever the process time zone', async () => {
    const raw = await s.pool.query<{ id: string; created_utc: string }>(
      `SELECT id, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_utc FROM good_job_batches`,
    );
    expect(raw.rows).toHaveLength(6);
    for (const { id, created_utc } of raw.rows) {
      const found = await getBatch(s.db, id);
      expect(found?.batch.id).toBe(id);
      expect(parseDbTime(found!.batch.created_at)?.toISOString()).toBe(created_utc);
    }
    expect(await getBatch(s.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it("lists each batch's batched and callback jobs newest first", async () => {
    const batches = await s.pool.query<{ id: string }>('SELECT id FROM good_job_batches');
    for (const { id } of batches.rows) {
      for (const [kind, column] of [['batched', 'batch_id'], ['callback', 'batch_callback_id']] as const) {
        const expected = await s.pool.query<{ id: string }>(`SELECT id FROM good_jobs WHERE ${column} = $1 ORDER BY created_at DESC, id DESC`, [id]);
        const page = await listBatchJobs(s.db, id, { kind });
        expect(page.rows.map((j) => j.id), `${kind} jobs of ${id}`).toEqual(expected.rows.map((r) => r.id));
      }
    }
  });

  it('agrees with jobStatus() on every job when counting in SQL', async () => {
    const states = await statesInSqlAndCode(s, now);
    expect(Object.keys(states)).toHaveLength(38);
    expect(new Set(Object.values(states))).toEqual(new Set(['succeeded', 'discarded', 'running', 'scheduled', 'queued']));
  });

  it('counts the discarded batch by status', async () => {
    const discarded = await s.pool.query<{ id: string }>('SELECT id FROM good_job_batches WHERE discarded_at IS NOT NULL');
    const { counts, estimated } = await countBatchJobs(s.db, discarded.rows[0]!.id, now);
    expect(estimated).toBe(false);
    const raw = await s.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM good_jobs WHERE batch_id = $1 AND finished_at IS NOT NULL AND error IS NOT NULL', [discarded.rows[0]!.id]);
    expect(counts.discarded).toBe(raw.rows[0]!.n);
    expect(counts.discarded).toBeGreaterThan(0);
  });

  it('pages a large batch by keyset: every job once, newest first, ties broken by id', async () => {
    const batchId = '5f2c1e7a-0000-4000-8000-00000000b1c5';
    await s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at) VALUES ('${batchId}', now(), now(), now())`);
    // 130 jobs, many sharing a created_at so that the id tie-break matters.
    await s.exec(`INSERT INTO good_jobs (id, queue_name, priority, serialized_params, created_at, updated_at, batch_id, job_class, executions_count)
      SELECT gen_random_uuid(), 'default', 0, '{}', timestamp '2026-01-01 00:00:00' + (i / 7) * interval '1 second', now(), '${batchId}', 'PagedJob', 0
      FROM generate_series(1, 130) AS i`);
    const expected = await s.pool.query<{ id: string }>('SELECT id FROM good_jobs WHERE batch_id = $1 ORDER BY created_at DESC, id DESC', [batchId]);
    const seen: string[] = [];
    let after: Cursor | null = null;
    const firstRows: string[][] = [];
    do {
      const page = await listBatchJobs(s.db, batchId, { kind: 'batched', page: { after, before: null } });
      expect(page.rows.length).toBeLessThanOrEqual(PAGE_SIZE);
      expect(page.prev === null).toBe(after === null);
      seen.push(...page.rows.map((j) => j.id));
      firstRows.push(page.rows.map((j) => j.id));
      after = page.next;
    } while (after !== null);
    expect(firstRows).toHaveLength(3);
    expect(seen).toEqual(expected.rows.map((r) => r.id));
    // And back: from the last page, `before` its first row gives the middle page again, then the first.
    const last = await listBatchJobs(s.db, batchId, { kind: 'batched', page: { after: null, before: null } });
    const middle = await listBatchJobs(s.db, batchId, { kind: 'batched', page: { after: last.next, before: null } });
    const end = await listBatchJobs(s.db, batchId, { kind: 'batched', page: { after: middle.next, before: null } });
    const backToMiddle = await listBatchJobs(s.db, batchId, { kind: 'batched', page: { after: null, before: end.prev } });
    expect(backToMiddle.rows.map((j) => j.id)).toEqual(firstRows[1]);
    const backToFirst = await listBatchJobs(s.db, batchId, { kind: 'batched', page: { after: null, before: backToMiddle.prev } });
    expect(backToFirst.rows.map((j) => j.id)).toEqual(firstRows[0]);
    expect(backToFirst.prev).toBeNull();
  });

  it('lists batches newest first', async () => {
    const expected = await s.pool.query<{ id: string }>('SELECT id FROM good_job_batches ORDER BY created_at DESC, id DESC');
    const page = await listBatches(s.db);
    expect(page.rows.map((b) => b.id)).toEqual(expected.rows.map((r) => r.id));
    expect(page.next).toBeNull();
    expect(page.prev).toBeNull();
  });
});

describe("GoodJob's recorded database loaded on any day", () => {
  const YEAR_MS = 365 * 24 * 3_600_000;
  // The recording as it was (no shift), and the same dump loaded as if the suite ran a year and a bit later.
  const later = new Date(RECORDED_AT.getTime() + YEAR_MS + 12_345_678);
  let recorded: ScratchDb;
  let shifted: ScratchDb;
  beforeAll(async () => {
    [recorded, shifted] = await Promise.all([
      createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now: RECORDED_AT }),
      createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now: later }),
    ]);
  });
  afterAll(() => Promise.all([recorded?.drop(), shifted?.drop()]));

  it('gives every job the state it had when GoodJob wrote it, a year later too', async () => {
    const then = await statesInSqlAndCode(recorded, RECORDED_AT);
    expect(new Set(Object.values(then))).toEqual(new Set(['succeeded', 'discarded', 'running', 'scheduled', 'queued']));
    expect(await statesInSqlAndCode(shifted, later)).toEqual(then);
  });

  it('keeps sub-second digits, moves JSON times with the columns, and keeps every batch state', async () => {
    const jobs = `SELECT id, to_char(created_at, 'US') AS micros, to_char(performed_at, 'US') AS performed_micros,
        extract(epoch FROM created_at - ((serialized_params->>'enqueued_at')::timestamptz AT TIME ZONE 'UTC'))::float8 AS enqueue_lag
      FROM good_jobs ORDER BY id`;
    const [a, b] = await Promise.all([recorded.pool.query(jobs), shifted.pool.query(jobs)]);
    expect(a.rows).toHaveLength(38);
    expect(b.rows).toEqual(a.rows);
    const batches = 'SELECT id, enqueued_at, discarded_at, finished_at, jobs_finished_at FROM good_job_batches ORDER BY id';
    const [ba, bb] = await Promise.all([recorded.pool.query<BatchStateFields & { id: string }>(batches), shifted.pool.query<BatchStateFields & { id: string }>(batches)]);
    expect(new Set(ba.rows.map(batchState)).size).toBeGreaterThan(2);
    expect(bb.rows.map((r) => [r.id, batchState(r)])).toEqual(ba.rows.map((r) => [r.id, batchState(r)]));
  });
});

const pagesDir = join(ROOT, 'e2e/fixtures/seed-pages');

describe('on a GoodJob v4 database from before lock_type (v4.3–v4.14), with the seed batches', () => {
  const s = scratchDbForSuite({ schema: 'before-v4.15', sqlFiles: ['lib/db/seed/demo-seeds.sql'] });

  it.each(readdirSync(pagesDir).filter((f) => f.endsWith('.txt')))('rebuilds every JSON block of %s exactly', async (file) => {
    const [attributes, ...jobBlocks] = jsonBlocksOf(readFileSync(join(pagesDir, file), 'utf8'));
    const batchId = (JSON.parse(attributes!) as { id: string }).id;
    const data = await loadBatchPage(s.db, batchId, { page: { after: null, before: null }, status: null, now, inspect: true });
    expect(data).not.toBeNull();
    expect(batchAttributesJson(data!.batch, data!.batch.serialized_properties_text, data!.batchColumns)).toBe(attributes);
    // The page shows callback jobs first, then batched jobs; both newest first, as the seed pages do.
    const shown = [...data!.callbackJobs.rows, ...data!.batchedJobs.rows].map((j) => jobInspectJson(j, j.serialized_params_text, data!.callbackJobs.columns));
    expect(shown).toEqual(jobBlocks);
  });
});

describe('on a GoodJob v4 database from before jobs_finished_at (< v4.3)', () => {
  let s: ScratchDb;
  beforeAll(async () => {
    s = await createScratchDb({ schema: 'before-v4.3', sqlFiles: [] });
    await s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, enqueued_at, finished_at)
      VALUES ('11111111-2222-4333-8444-555555555555', '2026-01-01 00:00:00.5', '2026-01-01 00:00:01', 'old', '{}', '2026-01-01 00:00:00.6', '2026-01-01 00:00:09')`);
    await s.exec(`INSERT INTO good_jobs (id, queue_name, priority, serialized_params, created_at, updated_at, finished_at, batch_id, job_class, executions_count)
      VALUES ('21111111-2222-4333-8444-555555555555', 'q', 1, '{"job_class": "OldJob"}', '2026-01-01 00:00:01', now(), '2026-01-01 00:00:08', '11111111-2222-4333-8444-555555555555', 'OldJob', 1)`);
  });
  afterAll(() => s?.drop());

  it('shows the batch without the missing columns and still knows its state', async () => {
    const caps = await getCapabilities(s.db);
    expect(caps.hasJobsFinishedAt).toBe(false);
    expect(caps.hasLockType).toBe(false);
    const data = await loadBatchPage(s.db, '11111111-2222-4333-8444-555555555555', { page: { after: null, before: null }, status: null, now, inspect: true });
    expect(batchState(data!.batch)).toBe('succeeded');
    const json = batchAttributesJson(data!.batch, data!.batch.serialized_properties_text, data!.batchColumns);
    expect(json).not.toContain('jobs_finished_at');
    expect(json).toContain('"finished_at": "2026-01-01 00:00:09 UTC"');
    const job = data!.batchedJobs.rows[0]!;
    expect(jobInspectJson(job, job.serialized_params_text, data!.batchedJobs.columns)).not.toContain('lock_type');
    expect(data!.counts.succeeded).toBe(1);
  });

  it('never changes the schema it reads', async () => {
    const columns = await s.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'good_jobs'`);
    await loadBatchPage(s.db, '11111111-2222-4333-8444-555555555555', { page: { after: null, before: null }, status: null, now, inspect: true });
    const after = await s.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'good_jobs'`);
    expect(after.rows[0]!.n).toBe(columns.rows[0]!.n);
    const drizzleSchema = await s.pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle'`);
    expect(drizzleSchema.rowCount).toBe(0);
  });
});

