// DATABASE_REPLICA_URL against a real streaming replica (e2e/pg-pair.ts starts a throwaway primary + hot standby).
import pg from 'pg';
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { startPgPair, type PgPair } from './pg-pair';
import { seedBatch } from './seed';
import { startServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 8;
const ORIGIN = `http://127.0.0.1:${PORT}`;
let pair: PgPair;
let server: TestServer;
let primary: pg.Pool;
let replica: pg.Pool;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  pair = await startPgPair();
  primary = new pg.Pool({ connectionString: pair.primaryUrl, max: 2 });
  replica = new pg.Pool({ connectionString: pair.replicaUrl, max: 2 });
  primary.on('error', () => undefined);
  replica.on('error', () => undefined);
  server = await startServer(request, PORT, {
    DATABASE_URL: pair.primaryUrl,
    DATABASE_REPLICA_URL: pair.replicaUrl,
    DATABASE_REPLICA_LAG_WARN_SECONDS: '1',
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
  });
});

test.afterAll(async () => {
  server?.stop();
  await Promise.all([primary?.end(), replica?.end()]);
  pair?.destroy();
});

const finishedAt = async (pool: pg.Pool, jobId: string) => (await pool.query('SELECT finished_at FROM good_jobs WHERE id = $1', [jobId])).rows[0]?.finished_at ?? null;

test('pages read from the replica, and say so when it lags (ja)', async ({ page }) => {
  const m = messages('ja').ReadSource!;
  // The replica's lag is the age of the last transaction it replayed while more WAL waits: give it one, then stop it.
  await seedBatch(primary, ['succeeded']);
  await pair.caughtUp();
  await pair.pauseReplay();
  const { batchId } = await seedBatch(primary, ['succeeded']);
  // On the primary only: the replica has not replayed it, and the page reads the replica.
  expect((await page.goto(`${ORIGIN}/ja/batches/${batchId}`))?.status()).toBe(404);
  expect((await page.request.get(`${ORIGIN}/api/batches/${batchId}/jobs.csv`)).status()).toBe(404);
  await expect(async () => {
    await page.goto(`${ORIGIN}/ja/batches`);
    await expect(page.getByTestId('read-source')).toContainText(m.lagging!.split('{lag}')[0]!, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await pair.resumeReplay();
  await pair.caughtUp();
  // The replica's state is asked at most once a second: the next pages read it, caught up and no longer lagging.
  await expect(async () => {
    expect((await page.goto(`${ORIGIN}/ja/batches/${batchId}`))?.status()).toBe(200);
    await expect(page.getByTestId('read-source')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  const csv = await page.request.get(`${ORIGIN}/api/batches/${batchId}/jobs.csv`);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).trim().split('\n')).toHaveLength(2);
});

test('after an action, the same browser reads the primary until the replica has replayed it (ko)', async ({ page }) => {
  const m = messages('ko').ReadSource!;
  const { batchId, jobIds } = await seedBatch(primary, ['discarded', 'succeeded']);
  const jobId = jobIds[0]!;
  await pair.caughtUp();
  await pair.pauseReplay();
  const batchPage = new BatchPage(page, 'ko');
  await page.goto(`${ORIGIN}/ko/batches/${batchId}`);
  await expect(batchPage.job(jobId).getByTestId('status-discarded')).toBeVisible();

  await batchPage.act(jobId, 'retry');
  // The retried job shows as retried although the replica still has it discarded: the page read the primary.
  await expect(batchPage.job(jobId).getByTestId('status-queued')).toBeVisible();
  expect(await finishedAt(primary, jobId)).toBeNull();
  expect(await finishedAt(replica, jobId)).not.toBeNull();
  await page.reload();
  await expect(batchPage.job(jobId).getByTestId('status-queued')).toBeVisible();
  await expect(page.getByTestId('read-source')).toHaveText(m.catchingUp!);
  await expect(page.getByTestId('read-source')).toHaveAttribute('data-source', 'primary');

  // Once the replica has replayed the retry, the browser reads the replica again, which now agrees.
  await pair.resumeReplay();
  await pair.caughtUp();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('read-source')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await expect(batchPage.job(jobId).getByTestId('status-queued')).toBeVisible();
  expect(await finishedAt(replica, jobId)).toBeNull();
});

test('replica down: pages read the primary and say so; /readyz stays ready (ru)', async ({ page, request }) => {
  const m = messages('ru').ReadSource!;
  const { batchId } = await seedBatch(primary, ['succeeded']);
  pair.stopReplica();
  try {
    await expect(async () => {
      const response = await page.goto(`${ORIGIN}/ru/batches/${batchId}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByTestId('read-source')).toHaveText(m.replicaDown!, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    expect((await request.get(`${ORIGIN}/readyz`)).status()).toBe(200);
  } finally {
    pair.startReplica();
  }
  await pair.caughtUp();
  await expect(async () => {
    expect((await page.goto(`${ORIGIN}/ru/batches/${batchId}`))?.status()).toBe(200);
    await expect(page.getByTestId('read-source')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
});

test.describe('primary down', () => {

  test('pages still read the replica and say actions are unavailable; an action changes nothing (ja)', async ({ page, request }) => {
    const m = messages('ja');
    const { batchId, jobIds } = await seedBatch(primary, ['discarded']);
    const jobId = jobIds[0]!;
    await pair.caughtUp();
    pair.stopPrimary();
    try {
      const batchPage = new BatchPage(page, 'ja');
      await expect(async () => {
        expect((await page.goto(`${ORIGIN}/ja/batches/${batchId}`))?.status()).toBe(200);
        await expect(page.getByTestId('read-source')).toHaveText(m.ReadSource!.primaryDown!, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await expect(batchPage.job(jobId).getByTestId('status-discarded')).toBeVisible();
      expect((await request.get(`${ORIGIN}/readyz`)).status()).toBe(200);

      await batchPage.act(jobId, 'retry');
      expect(await batchPage.result()).toBe(m.ActionResult!.unavailable);
      expect(await finishedAt(replica, jobId)).not.toBeNull();
    } finally {
      pair.startPrimary();
    }
    expect(await finishedAt(primary, jobId)).not.toBeNull();
  });
});
