import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { admin, createScratchDb, type ScratchDb } from '../testing/scratch-db';
import { insertJob } from '../testing/factories';
import { runBulk } from './bulk-run';
import { discardJob } from './job-commands';

const finished = async (s: ScratchDb, ids: string[]) =>
  (await s.pool.query<{ id: string; f: boolean }>('SELECT id, finished_at IS NOT NULL AS f FROM good_jobs WHERE id = ANY($1)', [ids])).rows.reduce(
    (m, r) => ({ ...m, [r.id]: r.f }),
    {} as Record<string, boolean>,
  );

describe('a bulk action when the database goes away or stalls midway', () => {
  let s: ScratchDb;
  beforeAll(async () => {
    s = await createScratchDb({ schema: 'current' });
  });
  afterAll(async () => {
    await admin(`ALTER DATABASE ${s.name} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await s?.drop();
  });

  it('stops at the first job it cannot reach, says how far it got, and leaves the rest untouched', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(await insertJob(s.pool, 'queued'));
    const skippedId = await insertJob(s.pool, 'succeeded');
    const order = [ids[0]!, skippedId, ids[1]!, ids[2]!, ids[3]!, ids[4]!];
    let calls = 0;
    const result = await runBulk(s.db, order, async (db, id) => {
      calls += 1;
      if (calls === 4) {
        // The database goes away for good between two jobs: every session of it ended, no new one allowed.
        await admin(`ALTER DATABASE ${s.name} ALLOW_CONNECTIONS false`);
        await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${s.name}'`);
      }
      return discardJob(db, id);
    });
    expect(result).toEqual({ done: 2, skipped: 1, total: 6, stopped: 'unavailable' });

    await admin(`ALTER DATABASE ${s.name} ALLOW_CONNECTIONS true`);
    const after = await finished(s, ids);
    expect(after).toEqual({ [ids[0]!]: true, [ids[1]!]: true, [ids[2]!]: false, [ids[3]!]: false, [ids[4]!]: false });
  });

  it('stops as "busy" when a job waits behind a table lock past the statement timeout, changing nothing', async () => {
    const ids = [await insertJob(s.pool, 'queued'), await insertJob(s.pool, 'queued')];
    const pool = new pg.Pool({ connectionString: s.url, statement_timeout: 300 });
    pool.on('error', () => undefined);
    const locker = new pg.Client({ connectionString: s.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE good_jobs IN ACCESS EXCLUSIVE MODE');
      const result = await runBulk(drizzle(pool, { schema }) as Db, ids, discardJob);
      expect(result).toEqual({ done: 0, skipped: 0, total: 2, stopped: 'busy' });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await pool.end();
    }
    expect(await finished(s, ids)).toEqual({ [ids[0]!]: false, [ids[1]!]: false });
  });
});
