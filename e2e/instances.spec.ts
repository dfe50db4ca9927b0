// Two dashboard processes behind a round-robin balancer: nothing assumes it is alone.
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { RoundRobin } from './round-robin';
import { seedBatch } from './seed';
import { auditLines, startServer, type TestServer } from './server';

const BASE = Number(process.env.E2E_PORT ?? 3917);
const PORTS = [BASE + 12, BASE + 13];
let servers: TestServer[] = [];
let balancer: RoundRobin;

test.beforeAll(async ({ request }) => {
  servers = await Promise.all(PORTS.map((port, i) => startServer(request, port, { DATABASE_URL: process.env.E2E_DATABASE_URL!, DASHBOARD_INSTANCE: `dash-${i}` })));
  balancer = new RoundRobin(PORTS);
  await balancer.start();
});

test.afterAll(async () => {
  await balancer?.stop();
  for (const server of servers) server.stop();
});

test('an action through one instance is seen through the other; live updates work through either (ko)', async ({ browser, db, request }) => {
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'queued']);
  const [discarded, queued] = jobIds as [string, string];
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${balancer.port}` });
  const page = await context.newPage();
  const batchPage = new BatchPage(page, 'ko');
  await batchPage.open(batchId);
  await batchPage.act(discarded, 'retry');
  await expect(batchPage.job(discarded).getByTestId('status-queued')).toBeVisible();

  // Exactly one instance ran it, and its audit line says which.
  const lines = servers.flatMap((s) => auditLines(s.output())).filter((l) => l.jobId === discarded);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ action: 'retry', outcome: 'done' });
  const actedOn = Number(String(lines[0]!.instance).replace('dash-', ''));
  expect([0, 1]).toContain(actedOn);
  // The other instance, asked directly, shows the job retried at once (no cache of the page in process memory).
  const other = await request.get(`http://127.0.0.1:${PORTS[1 - actedOn]}/ko/batches/${batchId}`);
  expect(other.status()).toBe(200);
  expect(await other.text()).toMatch(new RegExp(`data-job-id="${discarded}"[\\s\\S]*?data-testid="status-queued"`));

  // Live updates: each refresh may land on either instance; a change in the database shows up all the same.
  await page.getByTestId('live-updates').check();
  await db.query(`UPDATE good_jobs SET performed_at = now() AT TIME ZONE 'UTC' WHERE id = $1`, [queued]);
  await expect(batchPage.job(queued).getByTestId('status-running')).toHaveText(messages('ko').JobStatus!.running!, { timeout: 20_000 });
  // The balancer did spread the browser's requests (page loads, the action, refreshes) over both.
  expect(new Set(balancer.served)).toEqual(new Set(PORTS));
  await page.getByTestId('live-updates').uncheck();
  await context.close();
});
