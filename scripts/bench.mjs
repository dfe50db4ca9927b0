// `npm run bench -- --database-url URL [--port 3990] [--seconds 5] [--floor-port 3991] [--rounds 3] [--round-seconds 4] [--run-jobs 20000] [--slow-seconds 20]`
// On a database filled by `npm run db:scale`: builds if needed, starts the production server, and measures each page
// with autocannon at concurrency 1 and 8 (p50 / p95 / p99 latency from every response, requests per second), beside
// its SQL floor (the summed execution time of the page's own queries under EXPLAIN ANALYZE), a retry round trip in
// Chromium, long actions in steps (Discard batch and a bulk discard of --run-jobs jobs each: every step's time and
// jobs per second), the server's peak RSS and the batch page's first-load JavaScript. Then the pages issue #20 sets targets for,
// beside the floor (bench/floor, a bare Next app reading 50 jobs with one query on the same database): measured
// interleaved (floor, page, floor, page…) in rounds, as browsers ask (gzip), each page's req/s as a ratio to the floor's
// run just before it; CPU ms per request of each server; the HTML's size and RSC share; the live-update tick's cost.
// Writes bench/results.{json,md}.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import pg from 'pg';
import { ensureBuild, nextStartArgs } from './lib/build.mjs';
import { cpuMs, ensureFloorBuild, fetchGzip, median, rscBytes, startFloor } from './lib/floor.mjs';
import { chromiumPath, ensureChromium } from './lib/prereqs.mjs';
import { timeRetryDiscard } from './lib/round-trip.mjs';
import { slowClientMd, slowClientRun } from './lib/slow-clients.mjs';
import { stepRunsMd, timeStepRuns } from './lib/step-runs.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const url = arg('database-url', process.env.DATABASE_URL);
const port = Number(arg('port', 3990));
const seconds = Number(arg('seconds', 5));
const overloadSeconds = Number(arg('overload-seconds', 20));
const overloadConnections = Number(arg('overload-connections', 200));
const floorPort = Number(arg('floor-port', port + 1));
const rounds = Number(arg('rounds', 3));
const roundSeconds = Number(arg('round-seconds', 4));
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
ensureFloorBuild();
const floorBase = `http://127.0.0.1:${floorPort}`;
for (const [origin, option] of [[base, '--port'], [floorBase, '--floor-port']]) {
  try {
    await fetch(`${origin}/`);
    console.error(`Something already listens on ${origin}: stop it, or pass ${option}.`);
    process.exit(1);
  } catch {
    /* free: good */
  }
}
const captureFile = join(tmpdir(), `gjd-bench-sql-${process.pid}.jsonl`);
const server = spawn(process.execPath, nextStartArgs('127.0.0.1', port), {
  env: { ...process.env, DATABASE_URL: url, DASHBOARD_CAPTURE_SQL: captureFile, NEXT_TELEMETRY_DISABLED: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let serverErrors = '';
server.stderr.on('data', (chunk) => (serverErrors += chunk.toString('utf8')));
const floorServer = startFloor(url, floorPort);
// Whatever happens, the servers this script started stop with it.
process.on('exit', () => {
  server.kill('SIGTERM');
  floorServer.kill('SIGTERM');
});
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
for (let i = 0; ; i += 1) {
  try {
    if ((await fetch(`${floorBase}/`)).ok) break;
  } catch {
    /* not up yet */
  }
  if (i > 100) throw new Error('the floor did not start');
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

/** `connections` clients on one page for `duration` s (by default the dashboard's, plain); `pid`: that server's CPU too. */
function load(path, connections, { origin = base, duration = seconds, headers = {}, pid } = {}) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const cpuBefore = pid === undefined ? 0 : cpuMs(pid);
    const instance = autocannon({ url: origin + path, connections, duration, headers }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
      const cpu = pid === undefined ? {} : { cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / Math.max(1, latencies.length) };
      // perSecond: responses over the run's own length (autocannon's per-second average drops the last partial second).
      const perSecond = latencies.length / result.duration;
      resolve({ p50: p(0.5), p95: p(0.95), p99: p(0.99), rps: result.requests.average, perSecond, requests: latencies.length, non2xx: result.non2xx, ...cpu });
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

// The floor beside the pages issue #20 sets targets for (bench/floor: a bare Next app, one query, 50 jobs, plain server
// components behind a nonce-setting proxy). Interleaved, so that both see the same machine: floor, page, floor, page…,
// `rounds` times at c=1 and c=8, gzip as a browser asks; each page's req/s as a ratio to the floor run just before it;
// medians over the rounds. CPU ms per request: the server process's utime + stime over the run / requests.
const FLOOR_PATH = '/';
const floorPages = [
  { name: 'jobs list', path: '/en/jobs', minRatio: 0.5, maxHtmlKb: 100 },
  { name: 'small batch page', path: `/en/batches/${small.id}`, minRatio: 0.7, maxHtmlKb: 30 },
  { name: 'batches list', path: '/en/batches', minRatio: 0.5, maxHtmlKb: 70 },
  { name: 'big batch page', path: `/en/batches/${scale.bigBatchId}`, minRatio: null, maxHtmlKb: null },
];
/** Issue #20's targets for every page: p95 at c=1, first-load JavaScript (gzip), the server's RSS. */
const EVERY_PAGE = { p95Ms: 100, firstLoadJsKb: 150, rssMb: 300 };
const GZIP = { 'accept-encoding': 'gzip' };
const onFloor = (connections, headers = GZIP) => load(FLOOR_PATH, connections, { origin: floorBase, duration: roundSeconds, headers, pid: floorServer.pid });
const onDashboard = (path, connections, headers = GZIP) => load(path, connections, { duration: roundSeconds, headers, pid: server.pid });
for (const connections of [1, 8]) await load(FLOOR_PATH, connections, { origin: floorBase, duration: 2, headers: GZIP }); // warm
const loadBefore = loadavg();
const floorRuns = { 1: [], 8: [] };
const pageRuns = Object.fromEntries(floorPages.map((p) => [p.name, { 1: [], 8: [] }]));
for (let round = 1; round <= rounds; round += 1) {
  for (const connections of [1, 8]) {
    for (const { name, path } of floorPages) {
      const beside = await onFloor(connections);
      const run = await onDashboard(path, connections);
      floorRuns[connections].push(beside);
      pageRuns[name][connections].push({ ...run, floorPerSecond: beside.perSecond, ratio: run.perSecond / beside.perSecond });
      console.log(`round ${round} c=${connections} ${name}: ${run.perSecond.toFixed(1)} req/s, floor ${beside.perSecond.toFixed(1)} req/s (${(run.perSecond / beside.perSecond).toFixed(2)}×)`);
    }
  }
}
const loadAfter = loadavg();
const summarize = (runs) => ({
  rps: median(runs.map((r) => r.perSecond)),
  ratio: median(runs.map((r) => r.ratio ?? 1)),
  p50: median(runs.map((r) => r.p50)),
  p95: median(runs.map((r) => r.p95)),
  cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  runs: runs.map(({ perSecond, p95, cpuMsPerRequest, requests, ratio }) => ({ rps: perSecond, p95, cpuMsPerRequest, requests, ...(ratio === undefined ? {} : { ratio }) })),
});
/** One response's HTML: raw and gzip bytes, and the bytes of its inline RSC payload scripts. */
async function htmlShape(origin, path) {
  const { status, rawBytes, gzipBytes: gzip, text } = await fetchGzip(origin + path);
  const rsc = rscBytes(text);
  return { status, rawBytes, gzipBytes: gzip, rscBytes: rsc, rscShare: rsc / rawBytes };
}
/**
 * The floor's live-update tick as a Next page has it: router.refresh(), an RSC request for the whole page, timed as that
 * request without the router's state tree (the server renders the page from its root either way) at c=1.
 */
async function tickPath(origin, path) {
  const res = await fetch(origin + path, { headers: { rsc: '1' }, redirect: 'manual' });
  await res.arrayBuffer();
  return res.status === 307 ? res.headers.get('location') : path; // Next's cache-busting `_rsc` parameter
}
async function rscTick(origin, path, pid) {
  const rscPath = await tickPath(origin, path);
  const run = await load(rscPath, 1, { origin, duration: roundSeconds, headers: { ...GZIP, rsc: '1' }, pid });
  const { status, rawBytes, gzipBytes: gzip } = await fetchGzip(origin + rscPath, { rsc: '1' });
  return { path: rscPath, status, p50: run.p50, p95: run.p95, rps: run.perSecond, cpuMsPerRequest: run.cpuMsPerRequest, rawBytes, gzipBytes: gzip };
}
/** The dashboard's pages answer live updates from a JSON endpoint (their own query): the endpoint each page's tick asks. */
const LIVE_ENDPOINTS = {
  'jobs list': '/api/live/jobs?locale=en',
  'small batch page': `/api/live/batches/${small.id}?locale=en`,
  'batches list': '/api/live/batches?tz=UTC&locale=en',
  'big batch page': `/api/live/batches/${scale.bigBatchId}?locale=en`,
};
/**
 * A dashboard page's tick, two ways at c=1: unchanged (If-None-Match: the signature the page shows; a 304 with no body)
 * and changed (the signature does not match: the rows as JSON, which the browser patches in). Wall time includes the
 * database's; CPU is the server process's alone.
 */
async function liveTick(path) {
  const first = await fetch(base + path);
  await first.arrayBuffer();
  const tag = first.headers.get('etag') ?? '';
  const probe = await fetch(base + path, { headers: { 'if-none-match': tag } });
  const probeBytes = (await probe.arrayBuffer()).byteLength;
  const unchanged = await load(path, 1, { duration: roundSeconds, headers: { ...GZIP, 'if-none-match': tag }, pid: server.pid });
  const changed = await load(path, 1, { duration: roundSeconds, headers: GZIP, pid: server.pid });
  const { status, rawBytes, gzipBytes: gzip } = await fetchGzip(base + path);
  return {
    path,
    unchanged: { status: probe.status, bodyBytes: probeBytes, p50: unchanged.p50, p95: unchanged.p95, cpuMsPerRequest: unchanged.cpuMsPerRequest },
    changed: { status, p50: changed.p50, p95: changed.p95, cpuMsPerRequest: changed.cpuMsPerRequest, rawBytes, gzipBytes: gzip },
  };
}
const floorRow = { name: 'the floor', path: FLOOR_PATH, c1: summarize(floorRuns[1]), c8: summarize(floorRuns[8]), html: await htmlShape(floorBase, FLOOR_PATH), tick: await rscTick(floorBase, FLOOR_PATH, floorServer.pid) };
const beside = [floorRow];
for (const p of floorPages) {
  beside.push({ ...p, c1: summarize(pageRuns[p.name][1]), c8: summarize(pageRuns[p.name][8]), html: await htmlShape(base, p.path), live: await liveTick(LIVE_ENDPOINTS[p.name]) });
}
console.log(`beside the floor: ${JSON.stringify(beside.map(({ name, c1, c8, html }) => ({ name, c1: c1.ratio, c8: c8.ratio, html: html.rawBytes })))}`);

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

// Slow clients (issue #30): slowloris heads, trickling bodies and slow downloads held open while a page is measured at
// c=1, beside the same page alone just before. Nothing a slow peer does may hold a render slot.
const SLOW_PAGE = '/en/batches';
const slowSeconds = Number(arg('slow-seconds', 20));
const slowAlone = await load(SLOW_PAGE, 1, { duration: slowSeconds });
const slowClients = await slowClientRun({
  base,
  path: SLOW_PAGE,
  downloadPath: `/api/batches/${scale.bigBatchId}/jobs.csv`,
  seconds: slowSeconds,
  load: (path, duration) => load(path, 1, { duration }),
});
console.log(`slow clients: ${JSON.stringify(slowClients)}`);

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
// The same for the floor and each page beside it.
for (const row of beside) {
  const loaded = new Set();
  const collect = (request) => {
    if (request.resourceType() === 'script') loaded.add(request.url());
  };
  page.on('request', collect);
  await page.goto(`${row.name === 'the floor' ? floorBase : base}${row.path}`, { waitUntil: 'networkidle' });
  page.off('request', collect);
  let bytes = 0;
  for (const scriptUrl of loaded) bytes += await gzipBytes(scriptUrl);
  row.firstLoadJs = { gzipBytes: bytes, scripts: loaded.size };
}
const benchJob = await one(`SELECT id FROM good_jobs WHERE labels @> ARRAY['bench'] AND finished_at IS NOT NULL AND error IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1`);
await page.goto(`${base}/en/jobs?label=bench`);
const times = await timeRetryDiscard(page, page.locator(`tbody.job[data-job-id="${benchJob.id}"]`));
const roundTrips = [...times.retry, ...times.discard];
const stepRuns = await timeStepRuns(page, db, base, Number(arg('run-jobs', 20_000)));
await browser.close();
roundTrips.sort((a, b) => a - b);
const rss = peakRss();
server.kill('SIGTERM');
floorServer.kill('SIGTERM');
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
  slowClients: { ...slowClients, alone: slowAlone },
  export: exported,
  batchInsight: insight,
  jobsActivity: activity,
  batchPageFirstLoadJsGzipBytes: batchPageJs,
  stepRuns,
  besideTheFloor: { rounds, secondsPerRun: roundSeconds, cpus: cpus().length, loadAverage: { before: loadBefore, after: loadAfter }, targets: EVERY_PAGE, pages: beside },
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
  `- Server peak RSS: ${(rss / 1048576).toFixed(0)} MB (target ≤ ${EVERY_PAGE.rssMb} MB: ${rss / 1048576 <= EVERY_PAGE.rssMb ? 'met' : '**missed**'})`,
  `- Overload (${overloaded.connections} connections for ${overloaded.seconds} s on ${overloaded.path}): ${Object.entries(overloaded.statuses).map(([code, n]) => `${n.toLocaleString('en')} × ${code}`).join(', ')}; ${overloaded.timeouts} client timeouts, ${overloaded.errors} errors; ${overloaded.falseUnavailable} "unavailable" logged for a healthy database; RSS right after ${(overloaded.rssAfterBytes / 1048576).toFixed(0)} MB; the next request: ${overloaded.nextRequest.status} in ${ms(overloaded.nextRequest.ms)} ms`,
  slowClientMd(slowClients, slowAlone, ms),
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
  ...stepRunsMd(stepRuns),
  '',
  ...besideTheFloorMd(),
].join('\n');
writeFileSync('bench/results.md', md);

/** The table beside the floor: each figure with its target (issue #20) beside it, "met" or "**missed**". */
function besideTheFloorMd() {
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '—');
  const check = (figure, ok, goal) => `${figure} (${goal} ${ok ? 'met' : '**missed**'})`;
  const floor = beside[0];
  const averages = (l) => l.map((v) => v.toFixed(1)).join(' / ');
  return [
    `## Beside the floor`,
    '',
    `The floor (\`bench/floor\`): a bare Next 16 app on the same database that reads the 50 newest jobs with one query and renders them as plain server components behind a nonce-setting proxy. ${rounds} interleaved round${rounds === 1 ? '' : 's'} (floor, page, floor, page…) of ${roundSeconds} s per run at c=1 and c=8, \`Accept-Encoding: gzip\`, medians over the rounds; req/s: responses / the run's length; "× floor": the page's req/s over the floor's in the run just before it. CPU: the server process's user + system time over the run / requests. HTML: one response; RSC share: the bytes of its inline \`self.__next_f.push(…)\` scripts. KB = 1,024 bytes. Machine: ${cpus().length} CPUs, load average (1 / 5 / 15 min) ${averages(loadBefore)} before the rounds, ${averages(loadAfter)} after.`,
    '',
    '| page | c=1 req/s | c=1 × floor | c=1 p95 ms | c=8 req/s | c=8 × floor | CPU ms/req c=1 / c=8 | HTML raw KB | HTML gzip KB | RSC share | first-load JS KB gzip |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...beside.map((r) => {
      const isFloor = r === floor;
      const p95 = isFloor ? ms(r.c1.p95) : check(ms(r.c1.p95), r.c1.p95 <= EVERY_PAGE.p95Ms, `≤ ${EVERY_PAGE.p95Ms}`);
      const c8 = r.minRatio ? check(x(r.c8.ratio), r.c8.ratio >= r.minRatio, `≥ ${r.minRatio}`) : isFloor ? '1×' : x(r.c8.ratio);
      const raw = r.maxHtmlKb ? check(kb(r.html.rawBytes), r.html.rawBytes <= r.maxHtmlKb * 1024, `≤ ${r.maxHtmlKb}`) : kb(r.html.rawBytes);
      const jsKb = r.firstLoadJs ? kb(r.firstLoadJs.gzipBytes) : '—';
      const js = isFloor || !r.firstLoadJs ? jsKb : check(jsKb, r.firstLoadJs.gzipBytes <= EVERY_PAGE.firstLoadJsKb * 1024, `≤ ${EVERY_PAGE.firstLoadJsKb}`);
      const failed = r.c1.non2xx + r.c8.non2xx > 0 ? ` (${r.c1.non2xx + r.c8.non2xx} non-2xx)` : '';
      return `| ${r.name}${failed} | ${Math.round(r.c1.rps)} | ${isFloor ? '1×' : x(r.c1.ratio)} | ${p95} | ${Math.round(r.c8.rps)} | ${c8} | ${ms(r.c1.cpuMsPerRequest)} / ${ms(r.c8.cpuMsPerRequest)} | ${raw} | ${kb(r.html.gzipBytes)} | ${(100 * r.html.rscShare).toFixed(0)} % | ${js} |`;
    }),
    '',
    `| live-update tick, every 3 s (c=1, ${roundSeconds} s; wall time includes the database's) | unchanged: status, body bytes | unchanged p50 / p95 ms | unchanged CPU ms (target ≤ 2) | changed p50 / p95 ms | changed CPU ms | changed raw KB | changed gzip KB |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...beside.map((r) =>
      r.tick
        ? `| ${r.name} (router.refresh(): the whole page as RSC, every tick) | — | — | — | ${ms(r.tick.p50)} / ${ms(r.tick.p95)} | ${ms(r.tick.cpuMsPerRequest)} | ${kb(r.tick.rawBytes)} | ${kb(r.tick.gzipBytes)} |`
        : `| ${r.name} (\`${r.live.path.split('?')[0]}\`) | ${r.live.unchanged.status}, ${r.live.unchanged.bodyBytes} | ${ms(r.live.unchanged.p50)} / ${ms(r.live.unchanged.p95)} | ${check(ms(r.live.unchanged.cpuMsPerRequest), r.live.unchanged.cpuMsPerRequest <= 2 && r.live.unchanged.status === 304, '≤ 2, 304')} | ${ms(r.live.changed.p50)} / ${ms(r.live.changed.p95)} | ${ms(r.live.changed.cpuMsPerRequest)} | ${kb(r.live.changed.rawBytes)} | ${kb(r.live.changed.gzipBytes)} |`,
    ),
    '',
  ];
}
console.log(`\n${md}`);
