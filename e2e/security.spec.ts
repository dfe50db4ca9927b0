import { spawnSync } from 'node:child_process';
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';
import { auditLines, nextBin, startServer, type TestServer } from './server';

const BASE = Number(process.env.E2E_PORT ?? 3917);

test.describe('sign-in', () => {
  const PORT = BASE + 3;
  const URL = `http://127.0.0.1:${PORT}`;
  let server: TestServer;
  test.beforeAll(async ({ request }) => {
    server = await startServer(request, PORT, { DATABASE_URL: process.env.E2E_DATABASE_URL!, DASHBOARD_USERNAME: 'ops', DASHBOARD_PASSWORD: 's3cret pass' }, '/');
  });
  test.afterAll(() => server?.stop());

  test('without credentials every route answers 401 and no action runs', async ({ request, db }) => {
    const { batchId, jobIds } = await seedBatch(db, ['discarded']);
    for (const path of ['/', '/en/batches', `/ko/batches/${batchId}`, '/ja/jobs', `/ru/jobs/${jobIds[0]}`, '/en/processes', '/api/anything', '/batches']) {
      const response = await request.get(URL + path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect(response.headers()['www-authenticate'], path).toBe('Basic realm="GoodJob Dashboard", charset="UTF-8"');
    }
    const post = await request.post(`${URL}/en/batches/${batchId}`, { headers: { 'next-action': 'x' }, form: { action: 'retry', jobId: jobIds[0]! } });
    expect(post.status()).toBe(401);
    const wrong = await request.get(`${URL}/en/batches`, { headers: { authorization: `Basic ${Buffer.from('ops:wrong').toString('base64')}` } });
    expect(wrong.status()).toBe(401);
    const { rows } = await db.query('SELECT finished_at IS NOT NULL AS finished FROM good_jobs WHERE id = $1', [jobIds[0]]);
    expect(rows[0].finished).toBe(true);
  });

  test('with credentials everything works, and the audit line names the user', async ({ browser, db }) => {
    const context = await browser.newContext({ httpCredentials: { username: 'ops', password: 's3cret pass' }, baseURL: URL });
    const page = await context.newPage();
    const { batchId, jobIds } = await seedBatch(db, ['discarded']);
    const batchPage = new BatchPage(page, 'ja');
    await batchPage.open(batchId);
    await batchPage.act(jobIds[0]!, 'retry');
    await expect(batchPage.job(jobIds[0]!).getByTestId('status-queued')).toBeVisible();
    await expect.poll(() => auditLines(server.output()).find((l) => l.jobId === jobIds[0])).toMatchObject({ action: 'retry', outcome: 'done', user: 'ops' });
    const line = auditLines(server.output()).find((l) => l.jobId === jobIds[0])!;
    expect(line.client).toMatch(/127\.0\.0\.1|::1/);
    expect(Date.parse(line.time as string)).not.toBeNaN();
    await context.close();
  });
});

test('responses carry a nonce-based CSP and the other security headers, and no X-Powered-By', async ({ page, request }) => {
  const response = await request.get('/en/batches');
  const headers = response.headers();
  const csp = headers['content-security-policy']!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-powered-by']).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // Every request gets its own nonce, and the page still runs under the policy.
  expect((await request.get('/en/batches')).headers()['content-security-policy']).not.toBe(csp);
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/ru/batches');
  await page.getByTestId('theme-switch').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(violations).toEqual([]);
});

test('npm start refuses to listen on 0.0.0.0 without credentials, and says why', () => {
  const env = { ...process.env, HOSTNAME: '0.0.0.0', DATABASE_URL: process.env.E2E_DATABASE_URL!, DASHBOARD_USERNAME: '', DASHBOARD_PASSWORD: '', DASHBOARD_AUTH: '' };
  const refused = spawnSync(process.execPath, ['scripts/start.mjs'], { env, encoding: 'utf8', timeout: 20_000 });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('Refusing to listen on 0.0.0.0 without sign-in');
  expect(refused.stderr).toContain('DASHBOARD_USERNAME');
});

test.describe('under BASE_PATH', () => {
  const PORT = BASE + 4;
  let server: TestServer;
  test.beforeAll(async ({ request }) => {
    test.setTimeout(240_000);
    // The base path is compiled in: build a second copy of the app for it.
    const env = { ...process.env, BASE_PATH: '/good_job', NEXT_DIST_DIR: '.next-basepath', NEXT_TELEMETRY_DISABLED: '1' };
    const build = spawnSync(process.execPath, [nextBin(), 'build'], { env, encoding: 'utf8', timeout: 200_000 });
    expect(build.status, build.stderr).toBe(0);
    server = await startServer(request, PORT, { DATABASE_URL: process.env.E2E_DATABASE_URL!, BASE_PATH: '/good_job', NEXT_DIST_DIR: '.next-basepath' }, '/good_job/en/batches');
  });
  test.afterAll(() => server?.stop());

  test('a full click path works under the prefix: links, assets, redirects, filters and actions', async ({ browser, db, request }) => {
    const base = `http://127.0.0.1:${PORT}`;
    const { batchId, jobIds } = await seedBatch(db, ['discarded', 'succeeded']);
    const context = await browser.newContext({ baseURL: base, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto('/good_job');
    await expect(page).toHaveURL(`${base}/good_job/ru/batches`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages('ru').BatchesPage!.title!);
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('system-ui');

    await page.getByTestId('search').fill(batchId);
    await page.getByRole('button', { name: messages('ru').BatchesPage!.apply }).click();
    await expect(page).toHaveURL(/\/good_job\/ru\/batches\?.*q=/);
    await page.getByRole('link', { name: new RegExp(batchId) }).click();
    await expect(page).toHaveURL(`${base}/good_job/ru/batches/${batchId}`);

    await page.getByRole('link', { name: '日本語' }).click();
    await expect(page).toHaveURL(`${base}/good_job/ja/batches/${batchId}`);
    const batchPage = new BatchPage(page, 'ja');
    await batchPage.act(jobIds[0]!, 'retry');
    await expect(batchPage.job(jobIds[0]!).getByTestId('status-queued')).toBeVisible();
    const { rows } = await db.query('SELECT finished_at FROM good_jobs WHERE id = $1', [jobIds[0]]);
    expect(rows[0].finished_at).toBeNull();

    await page.getByRole('link', { name: messages('ja').Nav!.jobs, exact: true }).click();
    await expect(page).toHaveURL(`${base}/good_job/ja/jobs`);
    await page.locator(`tbody[data-job-id="${jobIds[1]}"] a.job-class`).click();
    await expect(page).toHaveURL(`${base}/good_job/ja/jobs/${jobIds[1]}`);
    expect((await request.get(`${base}/en/batches`)).status()).toBe(404);
    await context.close();
  });
});
