import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';
import { auditLines, startServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 1;
const READ_ONLY = `http://127.0.0.1:${PORT}`;
let server: TestServer;
// The test stops the browser's own action request to capture it: the page logs that request as failed.
test.use({ expectedConsoleErrors: /net::ERR_FAILED|TypeError: Failed to fetch/ });

test.beforeAll(async ({ request }) => {
  server = await startServer(request, PORT, { DATABASE_URL: process.env.E2E_DATABASE_URL!, DASHBOARD_READ_ONLY: '1' });
});

test.afterAll(() => {
  server?.stop();
});

test('read-only mode offers no action, refuses a forged action request and answers 403 to other writes', async ({ page, db, request }) => {
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'queued']);
  const before = await db.query('SELECT * FROM good_jobs WHERE batch_id = $1 ORDER BY id', [batchId]);

  await page.goto(`${READ_ONLY}/ru/batches/${batchId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(batchId);
  await expect(page.getByTestId('batched-jobs').locator('tbody.job')).toHaveCount(2);
  await expect(page.getByTestId('job-actions')).toHaveCount(0);
  await expect(page.getByTestId('action-retry-batch')).toHaveCount(0);

  // Capture the request the normal dashboard sends for "Retry", stop it there, and send it to the read-only one.
  const batchPage = new BatchPage(page, 'ru');
  await batchPage.open(batchId);
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/ru/batches/${batchId}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    captured = { headers: route.request().headers(), body: route.request().postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  await batchPage.act(jobIds[0]!, 'retry');
  await expect.poll(() => captured !== null).toBe(true);
  const forged = await request.post(`${READ_ONLY}/ru/batches/${batchId}`, {
    headers: { ...captured!.headers, origin: READ_ONLY, host: `127.0.0.1:${PORT}` },
    data: captured!.body,
  });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain(messages('ru').ActionResult!.refused!);

  const plain = await request.post(`${READ_ONLY}/ru/batches/${batchId}`, { form: { action: 'retry', jobId: jobIds[0]! } });
  expect(plain.status()).toBe(403);

  const after = await db.query('SELECT * FROM good_jobs WHERE batch_id = $1 ORDER BY id', [batchId]);
  expect(after.rows).toEqual(before.rows);
  // The refused action is in the audit trail.
  await expect.poll(() => auditLines(server.output()).find((l) => l.jobId === jobIds[0])).toMatchObject({ action: 'retry', outcome: 'refused' });
});
