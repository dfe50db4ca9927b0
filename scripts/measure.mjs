// Quick latency figures on a running dashboard (not the scale benchmark):
//   node scripts/measure.mjs --base-url http://127.0.0.1:3000 --database-url postgres://… [--requests 200]
// - page latency: sequential GETs of the batches list and of every batch page (p50 / p95 / max, ms)
// - action round trip in Chromium: click Confirm → the row's badge changed, for Retry and Discard, on a batch this
//   script creates itself (label `measure`) and deletes afterwards.
import { randomUUID } from 'node:crypto';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { timeRetryDiscard } from './lib/round-trip.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const baseUrl = arg('base-url', 'http://127.0.0.1:3000');
const databaseUrl = arg('database-url', process.env.DATABASE_URL);
const requests = Number(arg('requests', 200));
if (!databaseUrl) throw new Error('--database-url is required');

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const summary = (xs) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

async function timeGets(paths) {
  const times = [];
  for (let i = 0; i < requests; i += 1) {
    const path = paths[i % paths.length];
    const started = performance.now();
    const response = await fetch(baseUrl + path);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const { rows: batches } = await db.query('SELECT id FROM good_job_batches ORDER BY created_at DESC LIMIT 20');
for (let i = 0; i < 5; i += 1) await fetch(`${baseUrl}/en/batches`); // warm-up
console.log(`batches list: ${summary(await timeGets(['/en/batches', '/ko/batches', '/ja/batches', '/ru/batches']))}`);
console.log(`batch page (${batches.length} batches, all locales): ${summary(await timeGets(batches.flatMap((b) => ['en', 'ko', 'ja', 'ru'].map((l) => `/${l}/batches/${b.id}`))))}`);

const batchId = randomUUID();
const jobId = randomUUID();
await db.query(`INSERT INTO good_job_batches (id, created_at, updated_at, description, enqueued_at) VALUES ($1, now(), now(), 'measure', now())`, [batchId]);
await db.query(
  `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, performed_at, finished_at, error, error_event, batch_id, job_class, executions_count, labels)
   VALUES ($1, $1, 'measure', 0, '{"executions": 1, "enqueued_at": "2026-01-01T00:00:00Z"}', now(), now(), now(), now(), now(), 'E: measure', 4, $2, 'MeasureJob', 1, ARRAY['measure'])`,
  [jobId, batchId],
);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
await page.goto(`${baseUrl}/en/batches/${batchId}`);
const row = page.locator(`tbody.job[data-job-id="${jobId}"]`);
let rounds;
try {
  rounds = await timeRetryDiscard(page, row);
} finally {
  await browser.close();
  await db.query('DELETE FROM good_jobs WHERE batch_id = $1', [batchId]);
  await db.query('DELETE FROM good_job_batches WHERE id = $1', [batchId]);
  await db.end();
}
console.log(`retry round trip (confirm → badge "queued"): ${summary(rounds.retry)}`);
console.log(`discard round trip (confirm → badge "discarded"): ${summary(rounds.discard)}`);
