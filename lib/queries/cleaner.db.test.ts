import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorClass } from '../domain/error-class';
import { toDbTime } from '../domain/time';
import { insertJob } from '../testing/factories';
import { createScratchDb, ROOT, type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { discardSummary } from './cleaner';
import type { DiscardSummary } from '../read-models/cleaner';
import type { CleanerGroup } from '../read-models/cleaner';
import { CLEANER_GROUP_LIMIT } from '../read-models/cleaner';

// A fixed clock: GoodJob's recording is loaded as if made at NOW, and the factory rows sit at known ages from it.
const NOW = new Date('2026-06-01T12:00:00.000Z');
const ago = (ms: number) => toDbTime(new Date(NOW.getTime() - ms));
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** GoodJob's Cleaner SQL, written here on its own: the exception class by a regular expression, not split_part. */
const expectedSql = (group: string, op: '>=' | '>') => `
  SELECT ${group} AS name, count(*)::int AS c0,
         count(*) FILTER (WHERE finished_at ${op} $1::timestamp - interval '1 hour')::int AS c1,
         count(*) FILTER (WHERE finished_at ${op} $1::timestamp - interval '3 hours')::int AS c2,
         count(*) FILTER (WHERE finished_at ${op} $1::timestamp - interval '24 hours')::int AS c3,
         count(*) FILTER (WHERE finished_at ${op} $1::timestamp - interval '3 days')::int AS c4,
         count(*) FILTER (WHERE finished_at ${op} $1::timestamp - interval '7 days')::int AS c5
  FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NOT NULL GROUP BY 1 ORDER BY 1`;
const BY_CLASS = 'job_class';
const BY_EXCEPTION = `substring(error from '^(.*?)(: |$)')`;

type Counted = { name: string | null; c0: number; c1: number; c2: number; c3: number; c4: number; c5: number };
const asGroups = (rows: Counted[]) => rows.map((r) => ({ name: r.name, counts: [r.c0, r.c1, r.c2, r.c3, r.c4, r.c5] }));
const plain = (groups: CleanerGroup[]) => groups.map((g) => ({ name: g.name, counts: g.counts }));
const sum = (groups: { counts: number[] }[]) => [0, 1, 2, 3, 4, 5].map((i) => groups.reduce((n, g) => n + g.counts[i]!, 0));

describe("the Discard Cleaner on GoodJob's own database (goodjob-real.sql) and factory rows", () => {
  let s: ScratchDb;
  const expected = async (group: string, op: '>=' | '>' = '>=') => asGroups((await s.pool.query<Counted>(expectedSql(group, op), [toDbTime(NOW)])).rows);

  beforeAll(async () => {
    s = await createScratchDb({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql'), now: NOW });
    // Ages chosen so that every window differs; one row sits exactly on the 1-hour boundary.
    const discarded = (job_class: string | null, error: string, age: number) => insertJob(s.pool, 'discarded', { job_class, error, finished_at: ago(age) });
    await discarded('CleanerA', 'Net::ReadTimeout: read timed out', 30 * MIN);
    await discarded('CleanerA', 'no separator here', HOUR);
    await discarded('CleanerA', 'Net::ReadTimeout: again', 2 * HOUR);
    await discarded('CleanerA', 'Net::ReadTimeout: later', 12 * HOUR);
    await discarded('CleanerB', 'Net::ReadTimeout: x', 2 * DAY);
    await discarded('CleanerB', 'ActiveRecord::RecordInvalid: Validation failed: Name is blank', 5 * DAY);
    await discarded('CleanerB', 'ActiveRecord::RecordInvalid: y', 10 * DAY);
    await discarded(null, 'RuntimeError: a: b', 20 * DAY);
    // Either side of each window's start, a minute apart.
    for (const start of [3 * HOUR, 24 * HOUR, 3 * DAY, 7 * DAY]) {
      await discarded('CleanerC', 'Timeout::Error: inside', start - MIN);
      await discarded('CleanerC', 'Timeout::Error: outside', start + MIN);
    }
    // Not discarded: succeeded, and an error on a job that will run again.
    await insertJob(s.pool, 'succeeded', { job_class: 'CleanerA', finished_at: ago(MIN) });
    await insertJob(s.pool, 'retried', { job_class: 'CleanerA' });
  });
  afterAll(() => s?.drop());

  it('groups by class and by exception with all six counts, as GoodJob’s SQL does', async () => {
    const ours = await discardSummary(s.db, NOW);
    const byClass = await expected(BY_CLASS);
    const byException = await expected(BY_EXCEPTION);
    expect(plain(ours.byClass.groups)).toEqual(byClass);
    expect(plain(ours.byException.groups)).toEqual(byException);
    expect(ours.byClass.total).toEqual(sum(byClass));
    expect(ours.byException.total).toEqual(sum(byException));
    expect(ours.truncated).toBe(false);
    expect(ours.exact).toEqual([true, true, true, true, true, true]);
    expect(ours.byClass.hiddenGroups).toBe(0);
    // The windows really differ here (each column counts something the one before does not).
    const total = ours.byClass.total;
    expect(new Set(total).size).toBe(6);
    // The exception classes are the parser's (lib/domain/error-class.ts), one per distinct class.
    const { rows } = await s.pool.query<{ error: string }>('SELECT error FROM good_jobs WHERE finished_at IS NOT NULL AND error IS NOT NULL');
    expect(ours.byException.groups.map((g) => g.name).sort()).toEqual([...new Set(rows.map((r) => errorClass(r.error)))].sort());
    expect(ours.byClass.groups.find((g) => g.name === null)?.counts).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('counts a job finished exactly at a window’s start in that window, as the jobs list’s finished_since does', async () => {
    const ours = await discardSummary(s.db, NOW);
    const a = (groups: { name: string | null; counts: number[] }[]) => groups.find((g) => g.name === 'CleanerA')!.counts;
    // GoodJob counts `finished_at > now - 1 hour`: the row discarded exactly an hour ago is the one difference.
    expect(a(await expected(BY_CLASS, '>'))[1]).toBe(1);
    expect(a(ours.byClass.groups)[1]).toBe(2);
    expect(a(ours.byClass.groups)).toEqual(a(await expected(BY_CLASS, '>=')));
  });

  it('reads only the newest rows under a cap: lower bounds never above the truth, exact where the window was read whole', async () => {
    const truth = await discardSummary(s.db, NOW);
    const check = (capped: DiscardSummary) => {
      expect(capped.truncated).toBe(true);
      for (const kind of ['byClass', 'byException'] as const) {
        for (const g of capped[kind].groups) {
          const real = truth[kind].groups.find((t) => t.name === g.name)!.counts;
          g.counts.forEach((n, i) => (capped.exact[i] ? expect(n, `${kind} ${g.name} ${i}`).toBe(real[i]) : expect(n).toBeLessThanOrEqual(real[i]!)));
        }
        capped[kind].total.forEach((n, i) => (capped.exact[i] ? expect(n).toBe(truth[kind].total[i]) : expect(n).toBeLessThanOrEqual(truth[kind].total[i]!)));
      }
    };
    // The 6 fixture discards (the last two minutes) and two of ours: the oldest read is exactly an hour old, so even
    // the 1-hour window may miss an unread job finished at that same instant.
    const eight = await discardSummary(s.db, NOW, 8);
    check(eight);
    expect(eight.byClass.total[0]).toBe(8);
    expect(eight.exact).toEqual([false, false, false, false, false, false]);
    // One more (2 hours old): the 1-hour window now lies within what was read.
    const nine = await discardSummary(s.db, NOW, 9);
    check(nine);
    expect(nine.exact).toEqual([false, true, false, false, false, false]);
    expect(nine.byClass.total[1]).toBe(truth.byClass.total[1]);
    expect(nine.byClass.groups.map((g) => g.name)).not.toContain('CleanerB'); // only older than what was read
    // A cap of exactly as many as exist cannot tell that nothing is left: bounds, each equal to the truth. One more can.
    const all = truth.byClass.total[0];
    check(await discardSummary(s.db, NOW, all));
    expect((await discardSummary(s.db, NOW, all + 1)).truncated).toBe(false);
    check(await discardSummary(s.db, NOW, all - 1));
  });
});

describe('the Discard Cleaner on an empty and on a crowded database', () => {
  const s = scratchDbForSuite();

  it('has nothing to show without discarded jobs, and lists the largest groups when there are too many', async () => {
    const empty = await discardSummary(s.db, NOW);
    expect(empty).toMatchObject({ truncated: false, byClass: { groups: [], total: [0, 0, 0, 0, 0, 0], hiddenGroups: 0 }, byException: { groups: [] } });

    await s.pool.query(
      `INSERT INTO good_jobs (id, active_job_id, job_class, serialized_params, created_at, updated_at, finished_at, error)
       SELECT gen_random_uuid(), gen_random_uuid(), 'Crowd' || lpad(i::text, 3, '0'), '{}', $1::timestamp, $1::timestamp, $1::timestamp, 'E' || i || ': x'
       FROM generate_series(1, $2::int) i, generate_series(1, CASE WHEN i = $2::int THEN 3 ELSE 1 END)`,
      [ago(MIN), CLEANER_GROUP_LIMIT + 5],
    );
    const crowded = await discardSummary(s.db, NOW);
    expect(crowded.byClass.groups).toHaveLength(CLEANER_GROUP_LIMIT);
    expect(crowded.byClass.hiddenGroups).toBe(5);
    expect(crowded.byClass.total[0]).toBe(CLEANER_GROUP_LIMIT + 5 + 2);
    // The largest group is listed, though its name sorts last; rows are in name order, as GoodJob lists them.
    expect(crowded.byClass.groups.find((g) => g.name === `Crowd0${CLEANER_GROUP_LIMIT + 5}`)?.counts[0]).toBe(3);
    const names = crowded.byClass.groups.map((g) => g.name!);
    expect(names).toEqual([...names].sort());
  });

  it('cuts a class name too long to be a filter, and says so', async () => {
    await s.pool.query('DELETE FROM good_jobs');
    const long = `Very${'Long'.repeat(100)}Error`;
    await insertJob(s.pool, 'discarded', { job_class: 'ShortJob', error: 'E1: x', finished_at: ago(MIN) });
    await insertJob(s.pool, 'discarded', { job_class: 'LongJob', error: `${long}: boom`, finished_at: ago(MIN) });
    const summary = await discardSummary(s.db, NOW);
    const group = summary.byException.groups.find((g) => g.name?.startsWith('VeryLong'));
    expect(group?.clipped).toBe(true);
    expect(summary.byException.groups.find((g) => g.name === 'E1')?.clipped).toBe(false);
  });
});
