// GET /metrics: Prometheus' text format, behind a Bearer token or the sign-in; what the proxy and actions count shows.
import { spawnSync } from 'node:child_process';
import { expect, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';
import { startServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 14;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const OPS = { username: 'ops', password: 'metrics pass' };
const TOKEN = 'scrape-token-0123456789';
const basic = `Basic ${Buffer.from(`${OPS.username}:${OPS.password}`).toString('base64')}`;
let server: TestServer;

test.beforeAll(async ({ request }) => {
  server = await startServer(request, PORT, {
    DATABASE_URL: process.env.E2E_DATABASE_URL!,
    DASHBOARD_USERNAME: OPS.username,
    DASHBOARD_PASSWORD: OPS.password,
    DASHBOARD_METRICS_TOKEN: TOKEN,
    DASHBOARD_ALLOWED_HOSTS: 'dash.example',
  });
});
test.afterAll(() => server?.stop());

/** One sample's value from the text format (`name{labels} value`), or null. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
};

test('a Bearer token reads /metrics (GET only, any Host) and opens nothing else; otherwise the sign-in guards it', async ({ request }) => {
  const ok = await request.get(`${ORIGIN}/metrics`, { headers: { authorization: `Bearer ${TOKEN}`, host: 'scraper.internal' } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-type']).toContain('text/plain; version=0.0.4');
  const body = await ok.text();
  expect(sample(body, 'goodjob_scrape_ok')).toBe(1);
  // The text is valid Prometheus exposition, lint included.
  const lint = spawnSync('promtool', ['check', 'metrics'], { input: body, encoding: 'utf8' });
  expect(lint.status, lint.stdout + lint.stderr).toBe(0);

  const wrong = await request.get(`${ORIGIN}/metrics`, { headers: { authorization: 'Bearer nope' } });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()['www-authenticate']).toMatch(/^Bearer/);
  const none = await request.get(`${ORIGIN}/metrics`);
  expect(none.status()).toBe(401);
  expect(none.headers()['www-authenticate']).toMatch(/^Basic/);
  expect((await request.get(`${ORIGIN}/metrics`, { headers: { authorization: basic } })).status()).toBe(200);
  // Not a locale page: never redirected to /ko/metrics.
  expect((await request.get(`${ORIGIN}/metrics`, { headers: { authorization: basic, 'accept-language': 'ko' }, maxRedirects: 0 })).status()).toBe(200);
  // The token is for reading metrics only.
  expect((await request.get(`${ORIGIN}/en/batches`, { headers: { authorization: `Bearer ${TOKEN}` } })).status()).toBe(401);
  expect((await request.post(`${ORIGIN}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status()).toBe(401);
});

test('what the proxy, the actions and the SQL pools count shows up in /metrics (ru)', async ({ browser, db, request }) => {
  const scrape = async () => (await request.get(`${ORIGIN}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const retries = (text: string) => sample(text, 'dashboard_actions_total{action="retry",outcome="done"}') ?? 0;
  const before = await scrape();
  const { batchId, jobIds } = await seedBatch(db, ['discarded']);
  const context = await browser.newContext({ httpCredentials: OPS });
  const batchPage = new BatchPage(await context.newPage(), 'ru');
  await batchPage.page.goto(`${ORIGIN}/ru/batches/${batchId}`);
  await batchPage.act(jobIds[0]!, 'retry');
  await expect(batchPage.job(jobIds[0]!).getByTestId('status-queued')).toBeVisible();
  await context.close();
  const after = await scrape();
  expect(retries(after)).toBe(retries(before) + 1);
  expect(sample(after, 'dashboard_http_requests_total{method="GET",route_kind="page"}')).toBeGreaterThan(sample(before, 'dashboard_http_requests_total{method="GET",route_kind="page"}') ?? 0);
  expect(sample(after, 'dashboard_query_duration_seconds_count{pool="primary"}')).toBeGreaterThan(0);
  // Label values come from fixed sets, whatever paths were asked for.
  await request.get(`${ORIGIN}/no/such/${'x'.repeat(50)}`, { headers: { authorization: basic } });
  const kinds = new Set([...(await scrape()).matchAll(/route_kind="([^"]+)"/g)].map((m) => m[1]));
  for (const kind of kinds) expect(['page', 'action', 'api', 'metrics', 'health', 'static']).toContain(kind);
});
