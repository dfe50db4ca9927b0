import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';
import { malformedLogLines, startServer, type TestServer } from './server';
import { CuttableProxy } from './tcp-proxy';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 5;
const BASE = `http://127.0.0.1:${PORT}`;
const CYCLES = 3;
let proxy: CuttableProxy;
let server: TestServer;
// While the database is down, the pages' prefetches and refreshes answer 503: that is what the test provokes.
test.use({ expectedConsoleErrors: /the server responded with a status of 503/ });

test.beforeAll(async ({ request }) => {
  const target = new URL(process.env.E2E_DATABASE_URL!);
  proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) });
  await proxy.start();
  const viaProxy = new URL(process.env.E2E_DATABASE_URL!);
  viaProxy.port = String(proxy.port);
  server = await startServer(request, PORT, { DATABASE_URL: viaProxy.toString(), DATABASE_CONNECT_TIMEOUT_MS: '1000' });
});

test.afterAll(async () => {
  server?.stop();
  await proxy?.cut();
});

test(`survives ${CYCLES} database outages: 503 pages, failed actions change nothing, recovery by itself (ru)`, async ({ browser, db }) => {
  test.setTimeout(120_000);
  const m = messages('ru');
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'queued']);
  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  const batchPage = new BatchPage(page, 'ru');
  const snapshot = async () => (await db.query('SELECT * FROM good_jobs WHERE batch_id = $1 ORDER BY id', [batchId])).rows;
  let changedDuringOutages = 0;

  for (let cycle = 0; cycle < CYCLES; cycle += 1) {
    await expect.poll(async () => (await page.goto(`/ru/batches/${batchId}`))?.status(), { timeout: 15_000 }).toBe(200);
    await expect(batchPage.job(jobIds[0]!)).toBeVisible();
    const before = await snapshot();

    await proxy.cut();
    // The page already open: an action now fails cleanly and says why.
    await batchPage.act(jobIds[0]!, 'retry');
    expect(await batchPage.result()).toBe(m.ActionResult!.unavailable);
    // New page loads: a localized 503 (the health probe is at most a second old).
    await expect.poll(async () => (await page.goto(`/ru/jobs`))?.status(), { timeout: 10_000 }).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.ErrorPage!.unavailableTitle!);
    const after = await snapshot();
    if (JSON.stringify(after) !== JSON.stringify(before)) changedDuringOutages += 1;

    await proxy.restore();
  }
  // Back to normal, without a restart: the same server serves pages and runs actions again.
  await expect.poll(async () => (await page.goto(`/ru/batches/${batchId}`))?.status(), { timeout: 15_000 }).toBe(200);
  await batchPage.act(jobIds[0]!, 'retry');
  await expect(batchPage.job(jobIds[0]!).getByTestId('status-queued')).toBeVisible();
  console.log(`outages: ${CYCLES} cycles survived, ${changedDuringOutages} with rows changed`);
  expect(changedDuringOutages).toBe(0);
  expect(server.process.exitCode).toBeNull();
  // What it logged through the outages: each line one JSON object with time, level, event and instance.
  expect(server.errors()).toContain('"event":"database_unavailable"');
  expect(malformedLogLines(server.errors())).toEqual([]);
});
