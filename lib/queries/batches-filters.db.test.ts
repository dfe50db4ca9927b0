import { join } from 'node:path';
import { and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodJobBatches } from '../db/schema';
import { parseBatchFilter, wallClock, type BatchFilter } from '../domain/batch-filter';
import type { PageRequest } from '../domain/paging';
import { parseDbTime } from '../domain/time';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { batchFilterSql, CALLBACK_CLASS_SAMPLE, listBatchCallbackClasses, listBatches } from './batches';
import { loadBatchesPage } from './batches-page';
import { keyset } from '../sql/keyset';

const FIRST: PageRequest = { after: null, before: null };

/** Every page of the filtered list, walked forward with `after` and back again with `before`. */
async function walk(s: ScratchDb, filter: BatchFilter, limit: number) {
  const forward: string[][] = [];
  let request = FIRST;
  let last;
  for (;;) {
    last = await listBatches(s.db, filter, request, limit);
    forward.push(last.rows.map((b) => b.id));
    if (!last.next) break;
    request = { after: last.next, before: null };
  }
  const backward: string[][] = [forward.at(-1)!];
  while (last.prev) {
    last = await listBatches(s.db, filter, { after: null, before: last.prev }, limit);
    backward.unshift(last.rows.map((b) => b.id));
  }
  return { forward, backward };
}

/** The filtered list page by page, and its count, agree with `expected` (ids newest first). */
async function expectList(s: ScratchDb, filter: BatchFilter, expected: string[], label: string) {
  const data = await loadBatchesPage(s.db, filter, FIRST);
  expect(data.page.rows.map((b) => b.id), label).toEqual(expected);
  expect(data.count, label).toEqual({ value: expected.length, estimated: false });
  for (const limit of [1, 2, 3]) {
    const { forward, backward } = await walk(s, filter, limit);
    expect(forward.flat(), `${label}, pages of ${limit}`).toEqual(expected);
    expect(backward, `${label}, pages of ${limit} walked back`).toEqual(forward);
    if (expected.length > limit) expect(forward.length, `${label}, pages of ${limit}`).toBeGreaterThan(1);
  }
}

describe("the batches list's callback and created-at filters on GoodJob's own database (goodjob-real.sql)", () => {
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  const ids = async (where: string, params: unknown[]) =>
    (await s.pool.query<{ id: string }>(`SELECT id FROM good_job_batches WHERE ${where} ORDER BY created_at DESC, id DESC`, params)).rows.map((r) => r.id);

  it('offers the callback classes the batches name, and filters by each exactly as SQL written independently does', async () => {
    const { rows } = await s.pool.query<{ name: string }>(
      `SELECT DISTINCT name FROM good_job_batches, unnest(ARRAY[on_finish, on_success, on_discard]) AS name WHERE name IS NOT NULL ORDER BY 1`,
    );
    const classes = rows.map((r) => r.name);
    expect(classes).toContain('ExampleJob::BatchJob::CallbackJob');
    expect(await listBatchCallbackClasses(s.db)).toEqual(classes);
    for (const name of classes) {
      const expected = await ids('$1 IN (on_finish, on_success, on_discard)', [name]);
      expect(expected.length).toBeGreaterThan(1);
      await expectList(s, parseBatchFilter({ callback: name }, 'UTC').filter, expected, name);
    }
    // A class no batch names filters to nothing (and is no error); so does a near miss.
    await expectList(s, parseBatchFilter({ callback: 'NoSuchJob' }, 'UTC').filter, [], 'NoSuchJob');
    await expectList(s, parseBatchFilter({ callback: 'examplejob::batchjob::callbackjob' }, 'UTC').filter, [], 'case differs');
  });

  it('cuts the batches in two at a created-at given in the page’s zone (or with a zone of its own)', async () => {
    // The fourth newest batch's created_at, to the millisecond (the fixture's times have microseconds).
    const { rows } = await s.pool.query<{ cut: string }>(
      `SELECT to_char(date_trunc('milliseconds', created_at), 'YYYY-MM-DD HH24:MI:SS.MS') AS cut FROM good_job_batches ORDER BY created_at DESC, id DESC OFFSET 3 LIMIT 1`,
    );
    const cutText = rows[0]!.cut;
    const cut = parseDbTime(cutText)!;
    const newer = await ids('created_at >= $1::timestamp', [cutText]);
    const older = await ids('created_at < $1::timestamp', [cutText]);
    expect(newer.length).toBeGreaterThan(1);
    expect(older.length).toBeGreaterThan(1);
    expect([...newer, ...older]).toEqual(await ids('TRUE', []));
    for (const zone of ['UTC', 'Asia/Seoul', 'America/New_York']) {
      const local = wallClock(cut, zone);
      await expectList(s, parseBatchFilter({ created_after: local }, zone).filter, newer, `created_after=${local} in ${zone}`);
      await expectList(s, parseBatchFilter({ created_before: local }, zone).filter, older, `created_before=${local} in ${zone}`);
    }
    // With the callback filter and both ends, one given with a zone: the newer half less the newest batch.
    const top = (await s.pool.query<{ top: string }>(`SELECT to_char(date_trunc('milliseconds', max(created_at)), 'YYYY-MM-DD HH24:MI:SS.MS') AS top FROM good_job_batches`)).rows[0]!.top;
    const both = parseBatchFilter({ callback: 'ExampleJob::BatchJob::CallbackJob', created_after: `${cutText.replace(' ', 'T')}Z`, created_before: wallClock(parseDbTime(top)!, 'Asia/Seoul') }, 'Asia/Seoul');
    const expected = await ids(`created_at >= $1::timestamp AND created_at < $2::timestamp AND 'ExampleJob::BatchJob::CallbackJob' IN (on_finish, on_success, on_discard)`, [cutText, top]);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(newer.length);
    await expectList(s, both.filter, expected, 'callback and both ends');
  });
});

describe('the created-at bounds, ties on created_at, and the bounded callback choices', () => {
  let s: ScratchDb;
  const at = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  beforeAll(async () => {
    s = await createScratchDb({ schema: 'current' });
    // Seven batches, three of them created at the same microsecond, each callback column used on its own.
    await s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, on_finish, on_success, on_discard) VALUES
      ('${at(1)}', '2026-12-01 00:59:59.999999', now(), 'FinishJob', NULL, NULL),
      ('${at(2)}', '2026-12-01 01:00:00', now(), NULL, 'SuccessJob', NULL),
      ('${at(3)}', '2026-12-01 01:00:00', now(), NULL, NULL, 'DiscardJob'),
      ('${at(4)}', '2026-12-01 01:00:00', now(), 'FinishJob', 'SuccessJob', 'DiscardJob'),
      ('${at(5)}', '2026-12-01 01:00:00.001', now(), NULL, NULL, NULL),
      ('${at(6)}', '2026-12-01 01:59:59.999', now(), 'FinishJob', NULL, NULL),
      ('${at(7)}', '2026-12-01 02:00:00', now(), NULL, 'SuccessJob', NULL)`);
  });
  afterAll(() => s?.drop());

  it('includes created_after and excludes created_before, to the microsecond, in the page’s zone', async () => {
    // 10:00 in Seoul is 01:00 UTC.
    const range = parseBatchFilter({ created_after: '2026-12-01T10:00', created_before: '2026-12-01T11:00' }, 'Asia/Seoul').filter;
    await expectList(s, range, [at(6), at(5), at(4), at(3), at(2)], 'Seoul 10:00–11:00');
    await expectList(s, parseBatchFilter({ created_after: '2026-12-01T01:00', created_before: '2026-12-01T02:00' }, 'UTC').filter, [at(6), at(5), at(4), at(3), at(2)], 'UTC 01:00–02:00');
    await expectList(s, parseBatchFilter({ created_before: '2026-12-01T01:00:00Z' }, 'Asia/Seoul').filter, [at(1)], 'before 01:00Z');
    await expectList(s, parseBatchFilter({ created_after: '2026-12-01T01:00:00.001Z' }, 'UTC').filter, [at(7), at(6), at(5)], 'from 01:00:00.001Z');
    await expectList(s, parseBatchFilter({ created_after: '2026-12-02' }, 'Asia/Seoul').filter, [], 'from Dec 2 in Seoul');
    // A date alone is midnight in the page's zone: Dec 1 is 05:00 UTC in New York, Nov 30 15:00 UTC in Seoul.
    await expectList(s, parseBatchFilter({ created_before: '2026-12-01' }, 'America/New_York').filter, [at(7), at(6), at(5), at(4), at(3), at(2), at(1)], 'before Dec 1 in New York');
    await expectList(s, parseBatchFilter({ created_before: '2026-12-01' }, 'Asia/Seoul').filter, [], 'before Dec 1 in Seoul');
    // Malformed bounds are no filter at all.
    await expectList(s, parseBatchFilter({ created_after: 'yesterday', created_before: '2026-12-01T25:00' }, 'UTC').filter, [at(7), at(6), at(5), at(4), at(3), at(2), at(1)], 'malformed');
  });

  it('matches a callback class in any of the three columns, across pages with tied created_at', async () => {
    await expectList(s, { callback: 'FinishJob' }, [at(6), at(4), at(1)], 'FinishJob');
    await expectList(s, { callback: 'SuccessJob' }, [at(7), at(4), at(2)], 'SuccessJob');
    await expectList(s, { callback: 'DiscardJob' }, [at(4), at(3)], 'DiscardJob');
    const range = parseBatchFilter({ callback: 'SuccessJob', created_after: '2026-12-01T01:00', created_before: '2026-12-01T02:00' }, 'UTC').filter;
    await expectList(s, range, [at(4), at(2)], 'SuccessJob in 01:00–02:00');
    await expectList(s, { state: 'notEnqueued', callback: 'DiscardJob', search: '00000000-0000-4000-8000-000000000003' }, [at(3)], 'with the state and the search');
  });

  it('bounds the created range in the suggested index scan (sargable), beside the keyset condition', async () => {
    await s.exec('CREATE INDEX index_good_job_batches_on_created_at_and_id ON good_job_batches (created_at DESC, id DESC)');
    const filter = parseBatchFilter({ created_after: '2026-12-01T01:00', created_before: '2026-12-01T02:00' }, 'UTC').filter;
    const { where, orderBy } = keyset(goodJobBatches.created_at, goodJobBatches.id, { after: { at: '2026-12-01 01:30:00', id: at(9) }, before: null });
    const query = s.db
      .select({ id: goodJobBatches.id })
      .from(goodJobBatches)
      .where(and(await batchFilterSql(s.db, filter), where))
      .orderBy(...orderBy)
      .limit(3)
      .toSQL();
    const client = await s.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query(`EXPLAIN ${query.sql}`, query.params);
      const plan = rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Index (Only )?Scan using index_good_job_batches_on_created_at_and_id/);
      const cond = /Index Cond: (.*)/.exec(plan)?.[1] ?? '';
      expect(cond).toMatch(/created_at >= /);
      expect(cond).toMatch(/created_at < /);
      expect(plan).not.toMatch(/Filter: .*created_at/);
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
    await s.exec('DROP INDEX index_good_job_batches_on_created_at_and_id');
  });

  it('offers the classes of the newest batches only, and still filters by an older class', async () => {
    await s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, on_finish)
      SELECT gen_random_uuid(), timestamp '2026-12-10' + i * interval '1 second', now(), 'NewJob' FROM generate_series(1, ${CALLBACK_CLASS_SAMPLE}) AS i`);
    expect(await listBatchCallbackClasses(s.db)).toEqual(['NewJob']);
    await expectList(s, { callback: 'FinishJob' }, [at(6), at(4), at(1)], 'FinishJob, no longer offered');
    await s.exec(`DELETE FROM good_job_batches WHERE on_finish = 'NewJob'`);
    expect(await listBatchCallbackClasses(s.db)).toEqual(['DiscardJob', 'FinishJob', 'SuccessJob']);
  });
});
