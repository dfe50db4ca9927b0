import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { jobLockKey } from '../domain/advisory-lock';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { insertExecution, insertJob, jobRow } from '../testing/factories';
import { actOnJobs, DISCARD_MESSAGE } from './job-set';
import { lockKeySql } from '../db/lock-key';
import { textArraySql } from './sql-values';

describe('one step over many jobs (actOnJobs), with GoodJob’s locks for each', () => {
  const s = scratchDbForSuite({ schema: 'current' });

  it('changes the jobs it may in one transaction and says of each other one why not', async () => {
    const queued = [await insertJob(s.pool, 'queued'), await insertJob(s.pool, 'scheduled')];
    const finished = await insertJob(s.pool, 'succeeded');
    const running = await insertJob(s.pool, 'running');
    const skipLocked = await insertJob(s.pool, 'queued', { locked_by_id: randomUUID() });
    const advisoryHeld = await insertJob(s.pool, 'queued');
    const rowHeld = await insertJob(s.pool, 'queued');
    const gone = randomUUID();
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    const other = new pg.Client({ connectionString: s.url });
    await other.connect();
    try {
      const lock = new PgDialect().sqlToQuery(sql`SELECT pg_advisory_lock(${lockKeySql(jobLockKey(advisoryHeld))})`);
      await worker.query(lock.sql, lock.params);
      // Another transaction holds the row (an action of another tab, a worker's update).
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM good_jobs WHERE id = $1 FOR UPDATE', [rowHeld]);
      const result = await actOnJobs(s.db, [...queued, finished, running, skipLocked, advisoryHeld, rowHeld, gone, queued[0]!], 'discard');
      expect(result).toMatchObject({ done: queued, changed: [finished, running], held: [skipLocked, advisoryHeld, rowHeld], gone: [gone] });
    } finally {
      await other.query('ROLLBACK');
      await other.end();
      await worker.end();
    }
    for (const id of queued) expect(await jobRow(s.pool, id)).toMatchObject({ error: DISCARD_MESSAGE, error_event: 5 });
    for (const id of [running, skipLocked, advisoryHeld, rowHeld]) expect((await jobRow(s.pool, id))!.finished_at).toBeNull();
  });

  it('destroys finished jobs with their executions, set-based; retries discarded ones and tells the workers once per queue', async () => {
    const a = await insertJob(s.pool, 'discarded', { queue_name: 'mice' });
    const b = await insertJob(s.pool, 'discarded', { queue_name: 'mice' });
    const c = await insertJob(s.pool, 'discarded', { queue_name: 'elephants' });
    await insertExecution(s.pool, a);
    await insertExecution(s.pool, b);
    const listener = new pg.Client({ connectionString: s.url });
    await listener.connect();
    await listener.query('LISTEN good_job');
    const payloads: string[] = [];
    listener.on('notification', (n) => payloads.push(n.payload ?? ''));
    const retried = await actOnJobs(s.db, [a, c], 'retry');
    expect(retried.done).toEqual([a, c]);
    await expect.poll(() => payloads.map((p) => JSON.parse(p).queue_name).sort()).toEqual(['elephants', 'mice']);
    await listener.end();
    expect(await jobRow(s.pool, a)).toMatchObject({ finished_at: null, error_event: 3 });
    const destroyed = await actOnJobs(s.db, [a, b], 'destroy');
    expect(destroyed).toMatchObject({ done: [b], changed: [a] });
    expect(await jobRow(s.pool, b)).toBeUndefined();
    expect((await s.pool.query('SELECT count(*)::int AS n FROM good_job_executions WHERE active_job_id = $1', [b])).rows[0].n).toBe(0);
    expect((await s.pool.query('SELECT count(*)::int AS n FROM good_job_executions WHERE active_job_id = $1', [a])).rows[0].n).toBe(1);
  });

  it('force discard takes a running job without its lock, as GoodJob’s force_discard_job does', async () => {
    const running = await insertJob(s.pool, 'running');
    const worker = new pg.Client({ connectionString: s.url });
    await worker.connect();
    try {
      const lock = new PgDialect().sqlToQuery(sql`SELECT pg_advisory_lock(${lockKeySql(jobLockKey(running))})`);
      await worker.query(lock.sql, lock.params);
      expect((await actOnJobs(s.db, [running], 'forceDiscard')).done).toEqual([running]);
    } finally {
      await worker.end();
    }
  });
});

describe('text[] values bound for GoodJob’s labels column', () => {
  const s = scratchDbForSuite({ schema: 'current' });

  const cases: Record<string, string[] | null> = {
    none: null,
    empty: [],
    one: ['x'],
    two: ['held', 'q'],
    hundred: Array.from({ length: 100 }, (_, i) => `label-${i}`),
    awkward: ['a,b', 'say "hi"', '{braces}', '}{', 'back\\slash', "it's", ' spaced ', '', 'NULL', '라벨', 'ラベル', 'метка', '🦄'],
  };
  for (const [name, labels] of Object.entries(cases)) {
    it(`round-trips ${name} (${labels === null ? 'NULL' : `${labels.length} labels`}) exactly, in order`, async () => {
      const { rows } = await s.db.execute<{ labels: string[] | null }>(sql`SELECT ${textArraySql(labels)} AS labels`);
      expect(rows[0]!.labels).toEqual(labels);
    });
  }
});
