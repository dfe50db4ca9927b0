import { createServer, type Server } from 'node:net';
import { expect, messages, test } from './fixtures';
import { startServer, type TestServer } from './server';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 2;
const BASE = `http://127.0.0.1:${PORT}`;
let server: TestServer;
let blackHole: Server;

test.beforeAll(async ({ request }) => {
  // A port that accepts connections and never answers: the dashboard must give up after its connect timeout.
  blackHole = createServer(() => undefined);
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  const address = blackHole.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server = await startServer(request, PORT, { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/none`, DATABASE_CONNECT_TIMEOUT_MS: '1000' }, '/healthz');
});

test.afterAll(() => {
  server?.stop();
  blackHole?.close();
});

test('the liveness probe answers while the readiness probe says 503, status text only', async ({ request }) => {
  const live = await request.get(`${BASE}/healthz`);
  expect(live.status()).toBe(200);
  expect(await live.text()).toBe('ok\n');
  const ready = await request.get(`${BASE}/readyz`);
  expect(ready.status()).toBe(503);
  expect(ready.headers()['content-type']).toContain('text/plain');
  expect(await ready.text()).not.toMatch(/ECONNREFUSED|timeout|postgres:\/\/|127\.0\.0\.1/);
});

for (const locale of ['ko', 'ja', 'ru'] as const) {
  test(`an unreachable database gives a localized page, no stack trace, and the server keeps serving (${locale})`, async ({ page }) => {
    const m = messages(locale).ErrorPage!;
    for (const path of [`/${locale}/batches`, `/${locale}/batches/2909c77c-455c-4317-95cd-074f512ab6f1`]) {
      const response = await page.goto(BASE + path);
      expect(response?.status()).toBe(503);
      expect(response?.headers()['retry-after']).toBe('5');
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.unavailableTitle!);
      await expect(page.getByText(m.unavailableBody!)).toBeVisible();
      await expect(page.locator('body')).not.toContainText(/ECONNREFUSED|timeout exceeded|at .*\.js:\d+/);
    }
    // The process keeps serving: the next request is answered the same way, promptly.
    const again = await page.goto(`${BASE}/${locale}/jobs`);
    expect(again?.status()).toBe(503);
  });
}
