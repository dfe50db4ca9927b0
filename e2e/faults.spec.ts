// A database that answers too slowly (a held table lock, a full pool) gets a localized "busy" answer and a real 503 —
// never a bare 500, never "unavailable" while it answers — and an action behind the lock changes nothing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { captureActions, snapshot, withoutCredentials } from './captured-actions';
import { expect, messages, test } from './fixtures';
import { auditLines, malformedLogLines, startServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 7;
const URL = `http://127.0.0.1:${PORT}`;
let server: TestServer;

test.beforeAll(async ({ request }) => {
  server = await startServer(request, PORT, {
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    DATABASE_STATEMENT_TIMEOUT_MS: '500',
    DATABASE_POOL_SIZE: '2',
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
  });
});
test.afterAll(() => server?.stop());

/** Runs `body` while another session holds an exclusive lock on good_jobs, as a long migration would. */
async function whileLocked<T>(db: pg.Pool, body: () => Promise<T>): Promise<T> {
  const locker = await db.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE good_jobs IN ACCESS EXCLUSIVE MODE');
    return await body();
  } finally {
    await locker.query('ROLLBACK');
    locker.release();
  }
}

test('pages behind a table lock answer a localized 503 "busy" with Retry-After, then recover by themselves', async ({ request, db }) => {
  await whileLocked(db, async () => {
    for (const [locale, path] of [['ru', '/ru/jobs'], ['ja', '/ja/batches'], ['ko', '/ko/jobs?state=queued']] as const) {
      const response = await request.get(URL + path);
      expect(response.status(), path).toBe(503);
      expect(response.headers()['retry-after'], path).toBe('5');
      expect(await response.text(), path).toContain(messages(locale).ErrorPage!.busyTitle);
    }
  });
  expect((await request.get(`${URL}/ru/jobs`)).status()).toBe(200);
});

/**
 * Every page route under app/[locale]/ (found on disk, so a new one is covered), its dynamic segments filled with
 * well-formed values: the page's status depends on Next writing the head only after the page's reads, which a
 * loading.tsx (or any Suspense above the reads) would break — see app/README.md.
 */
function pageRoutes(dir = join('app', '[locale]'), prefix = ''): string[] {
  const fill: Record<string, string> = { '[id]': '00000000-0000-4000-8000-000000000000', '[cronKey]': 'nightly', '[jobClass]': 'ExampleJob' };
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'page.tsx') routes.push(prefix || '/');
    if (entry.isDirectory() && !entry.name.startsWith('[...')) routes.push(...pageRoutes(join(dir, entry.name), `${prefix}/${fill[entry.name] ?? entry.name}`));
  }
  return routes;
}

test('every page behind locked GoodJob tables answers 503, none a 200 streamed before its reads', async ({ request, db }) => {
  const routes = pageRoutes().filter((r) => r !== '/'); // /en itself redirects to /en/batches
  expect(routes.length).toBeGreaterThanOrEqual(10);
  const locker = await db.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE good_jobs, good_job_batches, good_job_executions, good_job_processes, good_job_settings IN ACCESS EXCLUSIVE MODE');
    for (const route of routes) {
      const response = await request.get(`${URL}/en${route}`, { maxRedirects: 0 });
      expect(response.status(), route).toBe(503);
    }
  } finally {
    await locker.query('ROLLBACK');
    locker.release();
  }
});

test('a full pool while the database is locked is "busy", never "unavailable"', async ({ request, db }) => {
  const statuses = await whileLocked(db, () => Promise.all(Array.from({ length: 6 }, () => request.get(`${URL}/en/jobs`).then((r) => r.status()))));
  expect(statuses).toEqual([503, 503, 503, 503, 503, 503]);
  expect(server.errors()).toContain('"event":"database_busy"');
  expect(server.errors()).not.toContain('database_unavailable');
});

test.describe('an action behind the lock', () => {
  test.use({ expectedConsoleErrors: /net::ERR_FAILED|TypeError: Failed to fetch/ });
  test('answers "the database is busy", changes nothing and is audited', async ({ page, db, request }) => {
    const { actions, batchId, jobIds } = await captureActions(page, db, URL, '', ['single']);
    const before = await snapshot(db, batchId);
    const single = actions[0]!;
    const response = await whileLocked(db, () => request.post(URL + single.path, { headers: withoutCredentials(single.headers), data: single.body }));
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(messages('en').ActionResult!.busy);
    expect(await snapshot(db, batchId)).toEqual(before);
    await expect.poll(() => auditLines(server.output()).find((l) => l.jobId === jobIds[0])).toMatchObject({ action: 'retry', outcome: 'busy' });
  });
});

test('every line the server wrote while the database was busy is one JSON object with time, level, event and instance', () => {
  expect(server.errors()).toContain('"event":"database_busy"');
  expect(malformedLogLines(server.errors())).toEqual([]);
});
