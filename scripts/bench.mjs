// `npm run bench -- --database-url URL [--port 3990] [--seconds 5]`
// On a database filled by `npm run db:scale`: builds if needed, starts the production server, and measures each page
// with autocannon at concurrency 1 and 8 (p50 / p95 / p99 latency from every response, requests per second), beside
// its SQL floor (the summed execution time of the page's own queries under EXPLAIN ANALYZE), a retry round trip in
// Chromium, the server's peak RSS and the batch page's first-load JavaScript. Writes bench/results.{json,md}.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { ensureBuild, nextStartArgs } from './lib/build.mjs';
import { chromiumPath, ensureChromium } from './lib/prereqs.mjs';
import { timeRetryDiscard } from './lib/round-trip.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const url = arg('database-url', process.env.DATABASE_URL);
const port = Number(arg('port', 3990));
const seconds = Number(arg('seconds', 5));
const overloadSeconds = Number(arg('overload-seconds', 20));
const overloadConnections = Number(arg('overload-connections', 200));
if (!url) {
  console.error('usage: npm run bench -- --database-url postgres://… (a database filled by npm run db:scale)');
  process.exit(2);
}
const noChromium = ensureChromium();
if (noChromium) {
  console.error(`The benchmark measures the retry round trip and the first-load JavaScript in a browser; missing: ${noChromium}`);
  process.exit(1);
}
const base = `http://127.0.0.1:${port}`;
const db = new pg.Pool({ connectionString: url, max: 2, statement_timeout: 15_000 });
const marker = await db.query(`SELECT value FROM good_job_settings WHERE key = 'goodjob_dashboard_scale'`).catch(() => ({ rows: [] }));
if (marker.rows.length === 0) {
  console.error('Refusing: this database was not filled by `npm run db:scale` (the benchmark changes jobs labelled `bench` there).');
  process.exit(1);
}
const scale = marker.rows[0].value;
const cursor = (at, id) => Buffer.from(`${at}|${id}`).toString('base64url');
const one = async (sql, params = []) => (await db.query(sql, params)).rows[0];

// The pages, with ids picked from the data.
const small = await one(`SELECT b.id FROM good_job_batches b WHERE b.description LIKE 'Scale batch %' AND EXISTS (SELECT 1 FROM good_jobs j WHERE j.batch_id = b.id) ORDER BY b.created_at DESC LIMIT 1`);
const deep = await one(`SELECT created_at::text AS at, id FROM good_job_batches ORDER BY created_at DESC, id DESC OFFSET 50000 LIMIT 1`);
const job = await one(`SELECT id FROM good_jobs WHERE error IS NOT NULL AND finished_at IS NOT NULL ORDER BY created_at DESC LIMIT 1`);
const pages = [
  ['batches list', '/en/batches'],
  ['batches list, deep cursor', `/en/batches?after=${cursor(deep.at, deep.id)}`],
  ['small batch page', `/en/batches/${small.id}`],
  ['big batch page', `/en/batches/${scale.bigBatchId}`],
  ['big batch page, state tab', `/en/batches/${scale.bigBatchId}?state=succeeded`],
  ['jobs list', '/en/jobs'],
  ['jobs list, discarded', '/en/jobs?state=discarded'],
  ['jobs list, queue filter', '/en/jobs?queue=mice'],
  ['jobs search by UUID', `/en/jobs?q=${job.id}`],
  ['jobs search by text', '/en/jobs?q=ReportJob'],
  ['job page', `/en/jobs/${job.id}`],
  ['cron', '/en/cron'],
  ['pauses', '/en/pauses'],
  ['performance, 1 hour', '/en/performance?window=1h'],
  ['performance, 24 hours', '/en/performance'],
  ['performance, 7 days', '/en/performance?window=7d'],
  ['performance, 30 days', '/en/performance?window=30d'],
  ['performance of a class, 24 hours', '/en/performance/ReportJob'],
  ['performance of a class, 30 days', '/en/performance/ReportJob?window=30d'],
  ['discard cleaner', '/en/cleaner'],
];
/** The issues' targets at c=1 p95, beside the figures: the Discard Cleaner ≤ 100 ms; Performance ≤ 3 × its SQL floor + 20 ms. */
const target = (name, floorMs) => (name === 'discard cleaner' ? 100 : name.startsWith('performance') ? 3 * floorMs + 20 : null);

ensureBuild();
try {
  await fetch(`${base}/`);
  console.error(`Something already listens on port ${port}: stop it, or pass --port.`);
  process.exit(1);
} catch {
  /* free: good */
}
const captureFile = join(tmpdir(), `gjd-bench-sql-${process.pid}.jsonl`);
const server = spawn(process.execPath, nextStartArgs('127.0.0.1', port), {
  env: { ...process.env, DATABASE_URL: url, DASHBOARD_CAPTURE_SQL: captureFile, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErrors = '';
server.stderr.on('data', (chunk) => (serverErrors += chunk.toString('utf8')));
// Whatever happens, the server this script started stops with it.
process.on('exit', () => server.kill('SIGTERM'));
process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});
const rssOf = (field) => {
  try {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
};
const peakRss = () => rssOf('VmHWM');
for (let i = 0; ; i += 1) {
  try {
    if ((await fetch(`${base}/en/batches`)).ok) break;
  } catch {
    /* not up yet */
  }
  if (i > 100) throw new Error('the server did not start');
  await new Promise((r) => setTimeout(r, 300));
}

/** The SQL a page ran, EXPLAIN ANALYZEd: summed execution time in ms. */
async function floor(path) {
  await fetch(base + path); // warm: capabilities probed, caches filled
  rmSync(captureFile, { force: true });
  await (await fetch(base + path)).arrayBuffer();
  const queries = existsSync(captureFile) ? readFileSync(captureFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  let total = 0;
  for (const { query, params } of queries) {
    if (!/^\s*(select|with)/i.test(query)) continue;
    try {
      const { rows } = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`, params);
      total += rows[0]['QUERY PLAN'][0]['Execution Time'];
    } catch {
      /* a statement EXPLAIN cannot take (set_config): no cost worth counting */
    }
  }
  return { ms: total, queries: queries.length };
}

function load(path, connections) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon({ url: base + path, connections, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
      resolve({ p50: p(0.5), p95: p(0.95), p99: p(0.99), rps: result.requests.average, requests: latencies.length, non2xx: result.non2xx });
    });
    instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  });
}

const results = [];
for (const [name, path] of pages) {
  const sqlFloor = await floor(path);
  const c1 = await load(path, 1);
  const c8 = await load(path, 8);
  results.push({ name, path, floorMs: sqlFloor.ms, queries: sqlFloor.queries, c1, c8 });
  console.log(`${name}: c1 p50 ${c1.p50.toFixed(1)} p95 ${c1.p95.toFixed(1)} p99 ${c1.p99.toFixed(1)} ms, ${c1.rps} rps; c8 p95 ${c8.p95.toFixed(1)} ms, ${c8.rps} rps; floor ${sqlFloor.ms.toFixed(1)} ms`);
}

// Overload: far more connections than the server can render at once, on the jobs list (gzip, as a browser asks). The
// server must shed what it cannot serve with a quick 503 "busy", never call a healthy database unavailable, stay
// within its memory, and answer the next request at once.
async function overload(path) {
  const unavailableBefore = (serverErrors.match(/database_unavailable/g) ?? []).length;
  const result = await new Promise((resolve, reject) => {
    autocannon(
      { url: base + path, connections: overloadConnections, duration: overloadSeconds, timeout: 10, headers: { 'accept-encoding': 'gzip' } },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  const rssAfter = rssOf('VmRSS');
  const started = performance.now();
  const next = await fetch(base + path);
  await next.arrayBuffer();
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, v.count]));
  return {
    path,
    connections: overloadConnections,
    seconds: overloadSeconds,
    statuses,
    timeouts: result.timeouts,
    errors: result.errors,
    falseUnavailable: (serverErrors.match(/database_unavailable/g) ?? []).length - unavailableBefore,
    uncaught: /uncaughtException|aborted/.test(serverErrors),
    rssAfterBytes: rssAfter,
    nextRequest: { status: next.status, ms: performance.now() - started },
  };
}
/**
 * A streamed page's parts, timed as a browser receives them: when the first paint's content (`first`) has arrived, when
 * each streamed section's marker has, and when the response ends; p50 / p95 over `runs` sequential loads.
 */
async function streamed(path, first, sections, runs = 30) {
  const seen = { [first]: [], ...Object.fromEntries(sections.map((m) => [m, []])), end: [] };
  for (let i = 0; i < runs; i += 1) {
    await new Promise((resolve, reject) => {
      const started = performance.now();
      let text = '';
      const pending = new Set([first, ...sections]);
      http.get(base + path, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
          for (const marker of pending) {
            if (text.includes(`data-testid="${marker}"`)) {
              seen[marker].push(performance.now() - started);
              pending.delete(marker);
            }
          }
        });
        res.on('end', () => {
          seen.end.push(performance.now() - started);
          resolve();
        });
      }).on('error', reject);
    });
  }
  const pct = (values, q) => (values.length === 0 ? NaN : [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]);
  return { path, runs, parts: Object.fromEntries(Object.entries(seen).map(([k, v]) => [k, { p50: pct(v, 0.5), p95: pct(v, 0.95), n: v.length }])) };
}
const insight = [];
for (const [name, path] of [['big batch page', `/en/batches/${scale.bigBatchId}`], ['small batch page', `/en/batches/${small.id}`]]) {
  const timing = await streamed(path, 'batched-jobs', ['timeline', 'durations', 'error-summary']);
  insight.push({ name, ...timing });
  console.log(`${name} streamed: ${JSON.stringify(timing.parts)}`);
}
// The jobs list's activity chart (jobs per hour by queue, 24 h) is streamed after the list: both timed the same way.
const activity = [];
for (const [name, path] of [['jobs list', '/en/jobs'], ['jobs list, discarded', '/en/jobs?state=discarded'], ['jobs list, queue filter', '/en/jobs?queue=mice']]) {
  const timing = await streamed(path, 'jobs', ['jobs-activity-section']);
  activity.push({ name, ...timing });
  console.log(`${name} streamed: ${JSON.stringify(timing.parts)}`);
}

// Export: the big batch streamed as NDJSON (serialized_params included): rows per second, the server's RSS meanwhile.
async function exportRun(path) {
  const rssBeforeBytes = rssOf('VmRSS');
  const started = performance.now();
  const res = await fetch(base + path);
  const reader = res.body.getReader();
  let rows = 0;
  let rssMaxBytes = 0;
  let sampledAt = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const byte of value) if (byte === 10) rows += 1;
    if (performance.now() - sampledAt > 100) {
      sampledAt = performance.now();
      rssMaxBytes = Math.max(rssMaxBytes, rssOf('VmRSS'));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { path, status: res.status, rows, seconds, rowsPerSecond: rows / seconds, rssBeforeBytes, rssMaxBytes };
}
const exported = await exportRun(`/api/batches/${scale.bigBatchId}/jobs.ndjson`);
console.log(`export: ${JSON.stringify(exported)}`);

const overloaded = await overload('/en/jobs');
console.log(`overload: ${JSON.stringify(overloaded)}`);

// The retry round trip and the first-load JavaScript, in Chromium.
const browser = await chromium.launch({ executablePath: chromiumPath() });
const page = await browser.newPage();
const scripts = new Set();
page.on('request', (request) => {
  if (request.resourceType() === 'script') scripts.add(request.url());
});
await page.goto(`${base}/en/batches/${small.id}`, { waitUntil: 'networkidle' });
page.removeAllListeners('request');
// Each script the page loaded, fetched again as a browser would (gzip): the bytes on the wire.
const gzipBytes = (scriptUrl) =>
  new Promise((resolve, reject) => {
    http.get(scriptUrl, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (chunk) => (n += chunk.length));
      res.on('end', () => resolve(n));
    }).on('error', reject);
  });
let batchPageJs = 0;
for (const scriptUrl of scripts) batchPageJs += await gzipBytes(scriptUrl);
const benchJob = await one(`SELECT id FROM good_jobs WHERE labels @> ARRAY['bench'] AND finished_at IS NOT NULL AND error IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1`);
await page.goto(`${base}/en/jobs?label=bench`);
const times = await timeRetryDiscard(page, page.locator(`tbody.job[data-job-id="${benchJob.id}"]`));
const roundTrips = [...times.retry, ...times.discard];
await browser.close();
roundTrips.sort((a, b) => a - b);
const rss = peakRss();
server.kill('SIGTERM');
await db.end();
rmSync(captureFile, { force: true });

const summary = {
  when: new Date().toISOString(),
  data: scale,
  seconds,
  pages: results,
  retryRoundTrip: { p50: roundTrips[Math.floor(roundTrips.length / 2)], p95: roundTrips[Math.floor(roundTrips.length * 0.95)], n: roundTrips.length },
  peakRssBytes: rss,
  overload: overloaded,
  export: exported,
  batchInsight: insight,
  jobsActivity: activity,
  batchPageFirstLoadJsGzipBytes: batchPageJs,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(summary, null, 2)}\n`);
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1) : '—');
const md = [
  `# Benchmark results`,
  '',
  `${summary.when} · ${scale.jobs.toLocaleString('en')} jobs${scale.executions ? ` (${scale.executions.toLocaleString('en')} executions)` : ''}, ${scale.batches.toLocaleString('en')} batches, a ${scale.bigBatch.toLocaleString('en')}-job batch · ${seconds} s per run · \`npm run bench -- --database-url …\``,
  '',
  '| page | SQL floor (ms) | c=1 p50 | c=1 p95 | c=1 p99 | c=1 req/s | c=8 p50 | c=8 p95 | c=8 p99 | c=8 req/s | target c=1 p95 |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map((r) => {
    const goal = target(r.name, r.floorMs);
    const verdict = goal === null ? '' : `≤ ${ms(goal)} ${r.c1.p95 <= goal ? 'met' : '**missed**'}`;
    return `| ${r.name} | ${ms(r.floorMs)} | ${ms(r.c1.p50)} | ${ms(r.c1.p95)} | ${ms(r.c1.p99)} | ${Math.round(r.c1.rps)} | ${ms(r.c8.p50)} | ${ms(r.c8.p95)} | ${ms(r.c8.p99)} | ${Math.round(r.c8.rps)} | ${verdict} |`;
  }),
  '',
  `- Retry round trip (confirm → badge, retry and discard alternating, ${summary.retryRoundTrip.n} runs): p50 ${ms(summary.retryRoundTrip.p50)} ms, p95 ${ms(summary.retryRoundTrip.p95)} ms`,
  `- Server peak RSS: ${(rss / 1048576).toFixed(0)} MB`,
  `- Overload (${overloaded.connections} connections for ${overloaded.seconds} s on ${overloaded.path}): ${Object.entries(overloaded.statuses).map(([code, n]) => `${n.toLocaleString('en')} × ${code}`).join(', ')}; ${overloaded.timeouts} client timeouts, ${overloaded.errors} errors; ${overloaded.falseUnavailable} "unavailable" logged for a healthy database; RSS right after ${(overloaded.rssAfterBytes / 1048576).toFixed(0)} MB; the next request: ${overloaded.nextRequest.status} in ${ms(overloaded.nextRequest.ms)} ms`,
  `- Export of the ${exported.rows.toLocaleString('en')}-job batch as NDJSON: ${Math.round(exported.rowsPerSecond).toLocaleString('en')} rows/s (${exported.seconds.toFixed(1)} s), server RSS ${(exported.rssBeforeBytes / 1048576).toFixed(0)} MB before, at most ${(exported.rssMaxBytes / 1048576).toFixed(0)} MB meanwhile`,
  '',
  '| batch page, as streamed (30 sequential loads, ms) | jobs table (first paint) p50 / p95 | timeline p50 / p95 | durations p50 / p95 | errors p50 / p95 | whole response p50 / p95 |',
  '|---|---:|---:|---:|---:|---:|',
  ...insight.map((r) => `| ${r.name} | ${['batched-jobs', 'timeline', 'durations', 'error-summary', 'end'].map((k) => (r.parts[k].n === 0 ? 'none shown' : `${ms(r.parts[k].p50)} / ${ms(r.parts[k].p95)}`)).join(' | ')} |`),
  '',
  '| jobs list, as streamed (30 sequential loads, ms) | jobs table (first paint) p50 / p95 | activity chart p50 / p95 (target p95 ≤ 100) | whole response p50 / p95 |',
  '|---|---:|---:|---:|',
  ...activity.map((r) => `| ${r.name} | ${['jobs', 'jobs-activity-section', 'end'].map((k) => (r.parts[k].n === 0 ? 'none shown' : `${ms(r.parts[k].p50)} / ${ms(r.parts[k].p95)}`)).join(' | ')} |`),
  '',
  `- Batch page first-load JavaScript: ${(batchPageJs / 1024).toFixed(1)} KB gzipped (${scripts.size} scripts)`,
  '',
].join('\n');
writeFileSync('bench/results.md', md);
console.log(`\n${md}`);
