// Slow and hostile clients on loopback against the production server with sign-in on: bodies that trickle in, bodies
// that are too large for paths that take none, a form posted from another site, an export behind a table lock. Every
// loop is bounded; every wait is a condition awaited, never a fixed sleep standing in for one.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { expect, test } from './fixtures';
import { throttledDownload } from '../scripts/lib/slow-clients.mjs';
import { seedBatch, seedBigBatch } from './seed';
import { startServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 15;
const URL = `http://127.0.0.1:${PORT}`;
const OPS = { username: 'ops', password: 'slow pass' };
const basic = `Basic ${Buffer.from(`${OPS.username}:${OPS.password}`).toString('base64')}`;

let server: TestServer;
test.beforeAll(async ({ request }) => {
  server = await startServer(request, PORT, {
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    DASHBOARD_USERNAME: OPS.username,
    DASHBOARD_PASSWORD: OPS.password,
    DATABASE_STATEMENT_TIMEOUT_MS: '1000',
    DASHBOARD_MAX_EXPORTS: '8', // as many downloads as render slots (DASHBOARD_MAX_CONCURRENCY, 8): none may hold one
  });
});
test.afterAll(() => server?.stop());

/** A connection that sends `head`, then one body byte every 200 ms until stopped; what it heard, and whether it closed. */
function trickler(head: string) {
  const socket: Socket = connect(PORT, '127.0.0.1');
  let heard = '';
  let closed = false;
  socket.on('data', (chunk) => (heard += chunk.toString('utf8')));
  socket.on('error', () => undefined);
  socket.on('close', () => (closed = true));
  socket.write(head);
  const ticker = setInterval(() => socket.writable && socket.write('a'), 200);
  return {
    heard: () => heard,
    closed: () => closed,
    stop: () => {
      clearInterval(ticker);
      socket.destroy();
    },
  };
}

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

test('eight unsigned posts trickling their bodies are refused on their heads and take no page down', async ({ request }) => {
  const slow = Array.from({ length: 8 }, (_, i) => trickler(`POST /en/jobs?slow=${i} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Length: 100000\r\n\r\n`));
  try {
    // Each is answered while its body is still coming (it sends a byte per 200 ms of 100,000), and its connection closed.
    await expect.poll(() => slow.filter((s) => /^HTTP\/1\.1 401 /.test(s.heard())).length, { timeout: 5_000 }).toBe(8);
    await expect.poll(() => slow.filter((s) => s.closed()).length, { timeout: 5_000 }).toBe(8);
    expect(slow[0]!.heard()).toContain('401 Sign-in required.');
    const page = await request.get(`${URL}/en/batches`, { headers: { authorization: basic } });
    expect(page.status()).toBe(200);
    expect(await page.text()).toContain('<html lang="en"');
  } finally {
    for (const s of slow) s.stop();
  }
});

test('eight signed bodies trickling in hold no render slot: pages answer, and each slow body gets a 408 in the end', async ({ request }) => {
  test.setTimeout(60_000);
  const slow = Array.from({ length: 8 }, () => trickler(`POST /ko/jobs HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nAuthorization: ${basic}\r\nContent-Length: 100000\r\n\r\n`));
  try {
    for (const path of ['/en/batches', '/en/jobs', '/en/processes']) {
      expect((await request.get(`${URL}${path}`, { headers: { authorization: basic } })).status(), path).toBe(200);
    }
    expect(slow.every((s) => s.heard() === '')).toBe(true);
    // DASHBOARD_BODY_TIMEOUT_MS (10 s by default) bounds them: a localized 408, then the connection closes.
    await expect.poll(() => slow.filter((s) => /^HTTP\/1\.1 408 /.test(s.heard())).length, { timeout: 30_000 }).toBe(8);
    expect(slow[0]!.heard()).toContain('408 거부됨: 요청이 너무 느리게 도착했습니다.');
  } finally {
    for (const s of slow) s.stop();
  }
});

test('thirty unsigned 50 MB posts to /healthz are refused unread: the server keeps its memory', async () => {
  const pid = server.process.pid!;
  const before = rssKb(pid);
  const body = Buffer.alloc(50 * 1024 * 1024, 0x61);
  const statuses = await Promise.all(
    Array.from({ length: 30 }, async () => {
      const response = await fetch(`${URL}/healthz`, { method: 'POST', body, headers: { 'content-type': 'application/octet-stream' } }).catch(() => null);
      return response?.status ?? 'reset';
    }),
  );
  // Refused on the head (401: a POST is no probe), so most see the answer, some only the closed connection.
  expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
  expect(statuses.every((s) => s === 401 || s === 'reset')).toBe(true);
  const after = rssKb(pid);
  expect(after - before, `RSS ${before} kB → ${after} kB`).toBeLessThan(50 * 1024);
});

test('a form posted from another site without Next-Action gets the localized 403 and changes nothing', async ({ request, db }) => {
  const { jobIds } = await seedBatch(db, ['discarded']);
  const before = (await db.query('SELECT finished_at, error FROM good_jobs WHERE id = $1', [jobIds[0]])).rows[0];
  const response = await request.post(`${URL}/ja/jobs/${jobIds[0]}`, {
    headers: { authorization: basic, origin: 'http://evil.example' },
    multipart: { $ACTION_REF_1: '', '$ACTION_1:0': '{"id":"x","bound":"$@1"}', '$ACTION_1:1': '[{}]', $ACTION_KEY: 'k', action: 'retry', jobId: jobIds[0]! },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe('403 拒否しました: この操作は別のサイトから送信されました。何も変更されていません。\n');
  expect((await db.query('SELECT finished_at, error FROM good_jobs WHERE id = $1', [jobIds[0]])).rows[0]).toEqual(before);
});

test('an export that cannot start behind a table lock answers a localized 503 with Retry-After', async ({ request }) => {
  const locker = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE good_jobs IN ACCESS EXCLUSIVE MODE');
    for (const path of ['/api/jobs.csv', '/api/jobs.ndjson']) {
      const response = await request.get(`${URL}${path}`, { headers: { authorization: basic, 'accept-language': 'ru' } });
      expect(response.status(), path).toBe(503);
      expect(response.headers()['retry-after'], path).toBe('5');
      expect(await response.text(), path).toContain('Не удалось начать загрузку');
    }
  } finally {
    await locker.query('ROLLBACK');
    await locker.end();
  }
  const csv = await request.get(`${URL}/api/jobs.csv`, { headers: { authorization: basic } });
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
});

test('eight throttled downloads stream without holding a render slot: pages answer, a ninth waits its turn with a 429, all eight end complete', async ({ request, db }) => {
  test.setTimeout(120_000);
  const JOBS = 60_000; // ≈ 8 MB of NDJSON per download: far more than loopback's socket buffers hold at 50 KB/s
  const { batchId } = await seedBigBatch(db, JOBS);
  const exportUrl = `${URL}/api/batches/${batchId}/jobs.ndjson`;
  const downloads = Array.from({ length: 8 }, () => throttledDownload(exportUrl, { authorization: basic }, 50_000));
  try {
    await expect.poll(() => downloads.filter((d) => d.state.status === 200 && d.state.bytes > 0).length, { timeout: 20_000 }).toBe(8);
    for (const path of ['/en/batches', '/en/jobs', `/en/batches/${batchId}`, '/en/processes']) {
      expect((await request.get(`${URL}${path}`, { headers: { authorization: basic } })).status(), path).toBe(200);
    }
    // The eight still stream (none has ended), and hold the eight download places: a ninth is told when to come back.
    expect(downloads.filter((d) => d.state.ended || d.state.failed).length).toBe(0);
    const ninth = await request.get(exportUrl, { headers: { authorization: basic, 'accept-language': 'ko' } });
    expect(ninth.status()).toBe(429);
    expect(ninth.headers()['retry-after']).toBe('30');
    expect(await ninth.text()).toBe('429 동시에 진행 중인 다운로드가 너무 많습니다. 진행 중인 다운로드가 끝난 뒤 다시 시도하세요.\n');
    for (const d of downloads) d.fullSpeed();
    await expect.poll(() => downloads.filter((d) => d.state.ended).length, { timeout: 60_000 }).toBe(8);
    // Each got every job, one line per job, and nothing after the stream ended failed.
    expect(downloads.map((d) => d.state.lines)).toEqual(Array(8).fill(JOBS));
    expect(downloads.some((d) => d.state.failed)).toBe(false);
    // The places are given back once the downloads end.
    await expect.poll(async () => (await request.get(exportUrl, { headers: { authorization: basic } })).status(), { timeout: 10_000 }).toBe(200);
  } finally {
    for (const d of downloads) d.stop();
    await db.query('DELETE FROM good_jobs WHERE batch_id = $1', [batchId]);
    await db.query('DELETE FROM good_job_batches WHERE id = $1', [batchId]);
  }
});
