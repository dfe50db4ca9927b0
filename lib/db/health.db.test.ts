import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseLsn } from '../domain/read-source';
import { admin, createScratchDb, serverUrl, type ScratchDb } from '../testing/scratch-db';
import { databaseReachable, databaseReady, replicaHealth } from './health';

const DEAD = 'postgres://postgres@127.0.0.1:1/none';

describe('readiness and the replica probe on a real server', () => {
  let goodJob: ScratchDb;
  let emptyName: string;
  let emptyUrl: string;
  const saved = { primary: process.env.DATABASE_URL, replica: process.env.DATABASE_REPLICA_URL };
  beforeAll(async () => {
    goodJob = await createScratchDb();
    emptyName = `gjd_test_empty_${process.pid}`;
    await admin(`DROP DATABASE IF EXISTS ${emptyName}`);
    await admin(`CREATE DATABASE ${emptyName}`);
    const u = new URL(serverUrl());
    u.pathname = `/${emptyName}`;
    emptyUrl = u.toString();
  });
  afterEach(() => {
    process.env.DATABASE_URL = saved.primary;
    process.env.DATABASE_REPLICA_URL = saved.replica;
    if (saved.primary === undefined) delete process.env.DATABASE_URL;
    if (saved.replica === undefined) delete process.env.DATABASE_REPLICA_URL;
  });
  afterAll(async () => {
    await goodJob?.drop();
    await admin(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`);
  });

  it('/readyz is ready only on a database that holds GoodJob’s tables', async () => {
    delete process.env.DATABASE_REPLICA_URL;
    process.env.DATABASE_URL = goodJob.url;
    expect(await databaseReady()).toBe(true);
    process.env.DATABASE_URL = emptyUrl;
    expect(await databaseReady()).toBe(false);
    process.env.DATABASE_URL = DEAD;
    expect(await databaseReady()).toBe(false);
  });

  it('with a replica, readiness asks the replica, then the primary behind it', async () => {
    process.env.DATABASE_URL = goodJob.url;
    process.env.DATABASE_REPLICA_URL = emptyUrl;
    expect(await databaseReady()).toBe(true); // the replica lacks the tables, the primary pages fall back to has them
    process.env.DATABASE_URL = emptyUrl;
    process.env.DATABASE_REPLICA_URL = goodJob.url;
    expect(await databaseReady()).toBe(true);
    process.env.DATABASE_URL = DEAD;
    process.env.DATABASE_REPLICA_URL = emptyUrl;
    expect(await databaseReady()).toBe(false);
  });

  it('a replica that does not answer is down; the pages’ database is reachable while the primary answers', async () => {
    process.env.DATABASE_URL = goodJob.url;
    process.env.DATABASE_REPLICA_URL = DEAD;
    expect(await replicaHealth()).toEqual({ ok: false });
    expect(await databaseReachable()).toBe(true);
  });

  it('a server that is not in recovery reports its own WAL position and no lag', async () => {
    process.env.DATABASE_REPLICA_URL = goodJob.url;
    const health = await replicaHealth();
    expect(health).toMatchObject({ ok: true, lagSeconds: 0 });
    const { rows } = await goodJob.pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    expect(parseLsn(health?.ok ? health.replayLsn : null)! <= parseLsn(rows[0]!.lsn)!).toBe(true);
  });
});
