// A throwaway PostgreSQL primary + streaming hot-standby replica, initdb'd in a scratch directory, for the read-replica
// e2e tests: the machine's PostgreSQL has no replication line in pg_hba.conf, and tests must not change its configuration.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { demoSeedSql, goodJobSchemaSql } from '../lib/db/seed/demo-data.mjs';

export interface PgPair {
  primaryUrl: string;
  replicaUrl: string;
  stopPrimary(): void; startPrimary(): void; // the replica keeps serving reads meanwhile, then reconnects by itself
  stopReplica(): void; startReplica(): void;
  pauseReplay(): Promise<void>; // resolves once replay has actually paused
  resumeReplay(): Promise<void>;
  caughtUp(): Promise<void>; // waits (up to ~20 s) until the replica has replayed all the primary committed before the call
  destroy(): void; // stops both servers and deletes the scratch directory; idempotent, never throws
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const asRoot = process.getuid?.() === 0;
const postgresId = (flag: '-u' | '-g') => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());

function binDir(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config on the PATH: fall back to Debian's layout
  }
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  const newest = versions.filter((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)).sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('pg-pair: no PostgreSQL binaries (neither pg_config nor /usr/lib/postgresql/*/bin/initdb)');
  return `/usr/lib/postgresql/${newest}/bin`;
}

/** PostgreSQL binaries run as the postgres OS user when we are root (initdb refuses root); pgRun's failures carry their output. */
const asPostgres = (bin: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]);

function pgRun(bin: string, args: string[], cwd: string): void {
  try {
    execFileSync(...asPostgres(bin, args), { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string };
    throw new Error(`${[bin, ...args].join(' ')} failed: ${out.stderr || out.stdout || String(error)}`.trim());
  }
}

/** Ports the OS hands out for port 0, all held at once so that they differ, then released. */
async function freePorts(count: number): Promise<number[]> {
  const listen = () => new Promise<Server>((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => resolve(server));
  });
  const servers = await Promise.all(Array.from({ length: count }, listen));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The first column of the first row. */
const value = (url: string, sql: string, params: unknown[] = []) => withClient(url, async (c) => Object.values((await c.query(sql, params)).rows[0] ?? {})[0]);

/** Polls `check` (an error counts as "not yet") until it holds, throwing after `ms` with the last error. */
async function waitFor(what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  let last = '';
  for (;;) {
    try {
      if (await check()) return;
    } catch (error) {
      last = `: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (Date.now() > deadline) throw new Error(`pg-pair: timed out after ${ms / 1000} s waiting for ${what}${last}`);
    await sleep(100);
  }
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '(none)');

export async function startPgPair(): Promise<PgPair> {
  const bins = binDir();
  const [primaryPort = 0, replicaPort = 0] = await freePorts(2);
  const dir = mkdtempSync(join(tmpdir(), 'gjd-pair-'));
  const node = (name: string, port: number) => ({ data: join(dir, name), log: join(dir, `${name}.log`), port });
  const [primary, replica] = [node('primary', primaryPort), node('replica', replicaPort)];
  type Node = typeof primary;
  const url = (n: Node, db = 'goodjob') => `postgres://postgres@127.0.0.1:${n.port}/${db}`;
  const start = (n: Node) => pgRun(join(bins, 'pg_ctl'), ['-w', '-D', n.data, '-l', n.log, 'start'], dir);
  const stop = (n: Node) => pgRun(join(bins, 'pg_ctl'), ['-w', '-D', n.data, '-m', 'fast', 'stop'], dir);

  let destroyed = false;
  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    process.off('exit', destroy);
    for (const n of [replica, primary].filter((n) => existsSync(join(n.data, 'postmaster.pid')))) {
      spawnSync(...asPostgres(join(bins, 'pg_ctl'), ['-w', '-D', n.data, '-m', 'immediate', 'stop']), { cwd: dir, stdio: 'ignore' }); // never throws
    }
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // best effort: a leftover scratch directory in the temp directory is harmless
    }
  };
  process.once('exit', destroy);

  try {
    if (asRoot) chownSync(dir, postgresId('-u'), postgresId('-g'));
    pgRun(join(bins, 'initdb'), ['-D', primary.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'], dir);
    const hba = ['local all all trust', 'local replication all trust', 'host all all 127.0.0.1/32 trust', 'host replication all 127.0.0.1/32 trust'];
    writeFileSync(join(primary.data, 'pg_hba.conf'), `${hba.join('\n')}\n`);
    const settings = [`listen_addresses = '127.0.0.1'`, `port = ${primary.port}`, `unix_socket_directories = '${dir}'`, 'wal_level = replica',
      'max_wal_senders = 5', 'hot_standby = on', 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off', 'shared_buffers = 32MB',
      'wal_receiver_status_interval = 1s', 'logging_collector = off',
      // How soon the replica retries a lost primary (default 5 s): it is streaming again soon after startPrimary().
      'wal_retrieve_retry_interval = 500ms'];
    appendFileSync(join(primary.data, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
    start(primary);
    await value(url(primary, 'postgres'), 'CREATE DATABASE goodjob');
    await withClient(url(primary), async (client) => {
      await client.query(goodJobSchemaSql(ROOT));
      for (const seed of demoSeedSql(ROOT)) await client.query(seed);
    });

    const basebackup = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replica.data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync'];
    pgRun(join(bins, 'pg_basebackup'), basebackup, dir);
    appendFileSync(join(replica.data, 'postgresql.conf'), `\nport = ${replica.port}\n`);
    chmodSync(replica.data, 0o700);
    start(replica);
    await waitFor('the replica to accept connections in recovery', async () => (await value(url(replica), 'SELECT pg_is_in_recovery()')) === true);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const logs = `--- primary log (tail) ---\n${tail(primary.log)}\n--- replica log (tail) ---\n${tail(replica.log)}`;
    destroy();
    throw new Error(`startPgPair failed: ${message}\n${logs}`, { cause: error });
  }

  return {
    primaryUrl: url(primary),
    replicaUrl: url(replica),
    stopPrimary: () => stop(primary),
    startPrimary: () => start(primary),
    stopReplica: () => stop(replica),
    startReplica: () => start(replica),
    async pauseReplay() {
      await value(url(replica), 'SELECT pg_wal_replay_pause()');
      await waitFor('WAL replay to pause', async () => (await value(url(replica), 'SELECT pg_get_wal_replay_pause_state()')) === 'paused');
    },
    resumeReplay: () => value(url(replica), 'SELECT pg_wal_replay_resume()').then(() => undefined),
    async caughtUp() {
      // Commits are asynchronous here (synchronous_commit = off), so the WAL may not be written yet: CHECKPOINT flushes it.
      await value(url(primary), 'CHECKPOINT');
      const target = await value(url(primary), 'SELECT pg_current_wal_lsn()::text');
      const sql = 'SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false)';
      await waitFor(`the replica to replay the primary's WAL up to ${target}`, async () => (await value(url(replica), sql, [target])) === true);
    },
    destroy,
  };
}
