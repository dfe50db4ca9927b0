// The server the end-to-end tests drive: a fresh scratch database on the real PostgreSQL with GoodJob's schema,
// the demo seed batches and GoodJob's own fixture rows, then `next start` on it. The database is dropped on exit.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { nextStartArgs } from './lib/build.mjs';
import { demoSeedSql, goodJobSchemaSql } from '../lib/db/seed/demo-data.mjs';

const url = process.env.E2E_DATABASE_URL;
const port = process.env.E2E_PORT;
if (!url || !port) throw new Error('E2E_DATABASE_URL and E2E_PORT are set by playwright.config.ts');
const target = new URL(url);
const name = target.pathname.slice(1);
const adminUrl = new URL(url);
adminUrl.pathname = '/postgres';

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await adminQuery(`CREATE DATABASE ${name}`);
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(goodJobSchemaSql());
for (const seed of demoSeedSql()) await client.query(seed);
await client.end();

const child = spawn(process.execPath, nextStartArgs('127.0.0.1', port), {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: '1' },
});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', stop);
