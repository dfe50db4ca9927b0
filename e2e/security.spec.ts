import { spawnSync } from 'node:child_process';
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';
import { auditLines, nextBin, startServer, type TestServer } from './server';
import { captureActions, prefixTricks, snapshot, withoutCredentials, type CapturedAction } from './captured-actions';

const BASE = Number(process.env.E2E_PORT ?? 3917);
const OPS = { username: 'ops', password: 's3cret pass' };
const basic = `Basic ${Buffer.from(`${OPS.username}:${OPS.password}`).toString('base64')}`;
// Capturing stops the browser's own action requests: the page logs them as failed.
const ABORTED = /net::ERR_FAILED|TypeError: Failed to fetch/;

/**
 * Replays each captured action without credentials on every prefix-trick path (and the real one): 401 each time.
 * Returns the statuses seen, for the message of a failing assertion.
 */
async function replayWithoutCredentials(request: import('@playwright/test').APIRequestContext, origin: string, actions: CapturedAction[], basePath = '') {
  expect(actions.map((a) => a.kind).sort()).toEqual(['batch', 'bulk', 'inspect', 'single']);
  for (const action of actions) {
    for (const path of [action.path, ...prefixTricks(action.path, basePath)]) {
      const response = await request.post(origin + path, { headers: withoutCredentials(action.headers), data: action.body, maxRedirects: 0 });
      expect(response.status(), `${action.kind} replayed on ${path}`).toBe(401);
      expect(await response.text(), `${action.kind} replayed on ${path}`).not.toContain('"active_job_id"');
    }
  }
}

test.describe('sign-in', () => {
  const PORT = BASE + 3;
  const URL = `http://127.0.0.1:${PORT}`;
  let server: TestServer;
  test.beforeAll(async ({ request }) => {
    server = await startServer(request, PORT, { DATABASE_URL: process.env.E2E_DATABASE_URL!, DASHBOARD_USERNAME: OPS.username, DASHBOARD_PASSWORD: OPS.password }, '/');
  });
  test.afterAll(() => server?.stop());

  test.describe('replayed action requests', () => {
    test.use({ expectedConsoleErrors: ABORTED });
    test('without credentials, every kind of action answers 401 on every path that once skipped the proxy, and nothing changes', async ({ browser, db, request }) => {
      const context = await browser.newContext({ httpCredentials: OPS });
      const page = await context.newPage();
      const { actions, batchId, jobIds } = await captureActions(page, db, URL);
      await context.close();
      const before = await snapshot(db, batchId);
      const linesBefore = auditLines(server.output()).length;

      await replayWithoutCredentials(request, URL, actions);
      expect(await snapshot(db, batchId)).toEqual(before);
      expect(auditLines(server.output()).slice(linesBefore)).toEqual([]);

      // The same request with credentials is a working action (so the 401s above are the gate's doing): it retries the
      // job, and the audit line names the peer, not the address the request claims.
      const single = actions.find((a) => a.kind === 'single')!;
      const done = await request.post(URL + single.path, { headers: { ...withoutCredentials(single.headers), authorization: basic, 'x-forwarded-for': '203.0.113.9' }, data: single.body });
      expect(done.status()).toBe(200);
      await expect.poll(async () => (await db.query('SELECT finished_at FROM good_jobs WHERE id = $1', [jobIds[0]])).rows[0].finished_at).toBeNull();
      const line = auditLines(server.output()).find((l) => l.jobId === jobIds[0] && l.outcome === 'done');
      expect(line).toMatchObject({ action: 'retry', user: 'ops' });
      expect(line!.client).toMatch(/^(127\.0\.0\.1|::1)$/);
    });
  });

  test('public paths answer without credentials, end-anchored', async ({ request }) => {
    const favicon = await request.get(`${URL}/favicon.ico`);
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()['content-type']).toContain('image/');
    const live = await request.get(`${URL}/healthz`);
    expect([live.status(), await live.text()]).toEqual([200, 'ok\n']);
    const ready = await request.get(`${URL}/readyz`);
    expect([ready.status(), await ready.text()]).toEqual([200, 'ready\n']);
    for (const path of ['/readyz/en/jobs', '/readyzen/jobs', '/favicon.icoen/jobs', '/favicon.ico/en/jobs', '/_next/staticX/en/jobs', '/_next/imageX/en/jobs', '/_next/image?url=%2Ffavicon.ico&w=32&q=75', '/healthz/en/jobs']) {
      expect((await request.get(URL + path, { maxRedirects: 0 })).status(), path).toBe(401);
    }
  });

  test('401 comes before 405 (an unsupported method) and 403', async ({ request }) => {
    expect((await request.fetch(`${URL}/en/jobs`, { method: 'TRACE' })).status()).toBe(401);
    expect((await request.fetch(`${URL}/en/jobs`, { method: 'PUT' })).status()).toBe(401);
    const signedIn = await request.fetch(`${URL}/en/jobs`, { method: 'TRACE', headers: { authorization: basic } });
    expect(signedIn.status()).toBe(405);
    expect(signedIn.headers()['allow']).toBe('GET, HEAD, POST, OPTIONS');
  });

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
    const context = await browser.newContext({ httpCredentials: OPS, baseURL: URL });
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

test.describe('Host check (DNS rebinding), sign-in off', () => {
  test.use({ expectedConsoleErrors: ABORTED });
  test('a foreign Host gets 421 on pages and actions, also with a forged X-Forwarded-Host; health stays open', async ({ page, db, request, baseURL }) => {
    const { actions, batchId } = await captureActions(page, db, baseURL!, '', ['single', 'batch']);
    const before = await snapshot(db, batchId);
    const foreign: Array<Record<string, string>> = [{ host: 'evil.example:3917' }, { host: 'evil.example', 'x-forwarded-host': '127.0.0.1:3917' }];
    for (const headers of foreign) {
      const response = await request.get('/ru/jobs', { headers: { ...headers, 'accept-language': 'ru' }, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(headers)).toBe(421);
      expect(await response.text()).toContain(messages('ru').ErrorPage!.misdirected);
      for (const action of actions) {
        const replay = await request.post(action.path, { headers: { ...withoutCredentials(action.headers), ...headers, origin: `http://${headers.host!}` }, data: action.body });
        expect(replay.status(), `${action.kind} with ${JSON.stringify(headers)}`).toBe(421);
      }
    }
    expect(await snapshot(db, batchId)).toEqual(before);
    expect((await request.get('/healthz', { headers: { host: 'evil.example' } })).status()).toBe(200);
    expect((await request.get('/readyz', { headers: { host: 'evil.example' } })).status()).toBe(200);
    // The loopback names the dashboard is served on still work.
    expect((await request.get('/en/jobs', { headers: { host: 'localhost:3917' } })).status()).toBe(200);
  });
});

test('npm start wants DASHBOARD_ALLOWED_HOSTS with DASHBOARD_AUTH=none, and says why', () => {
  const env = { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL!, DASHBOARD_USERNAME: '', DASHBOARD_PASSWORD: '', DASHBOARD_AUTH: 'none', DASHBOARD_ALLOWED_HOSTS: '' };
  const refused = spawnSync(process.execPath, ['scripts/start.mjs'], { env, encoding: 'utf8', timeout: 20_000 });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('DASHBOARD_AUTH=none also needs DASHBOARD_ALLOWED_HOSTS');
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

  test.describe('with sign-in', () => {
    const SIGNED_PORT = BASE + 6;
    const origin = `http://127.0.0.1:${SIGNED_PORT}`;
    let signed: TestServer;
    test.beforeAll(async ({ request }) => {
      const env = { DATABASE_URL: process.env.E2E_DATABASE_URL!, BASE_PATH: '/good_job', NEXT_DIST_DIR: '.next-basepath', DASHBOARD_USERNAME: OPS.username, DASHBOARD_PASSWORD: OPS.password };
      signed = await startServer(request, SIGNED_PORT, env, '/good_job/en/batches');
    });
    test.afterAll(() => signed?.stop());
    test.use({ expectedConsoleErrors: ABORTED });

    test('the probes answer under the prefix without credentials, and only there', async ({ request }) => {
      for (const [path, text] of [['/good_job/healthz', 'ok\n'], ['/good_job/readyz', 'ready\n']] as const) {
        const response = await request.get(origin + path);
        expect([response.status(), await response.text()], path).toEqual([200, text]);
      }
      for (const path of ['/healthz', '/readyz']) expect([401, 404], path).toContain((await request.get(origin + path)).status());
      expect((await request.get(`${origin}/good_job/en/batches`)).status()).toBe(401);
      // /metrics lives under the prefix too, behind the sign-in (no token configured here).
      expect((await request.get(`${origin}/good_job/metrics`)).status()).toBe(401);
      const metrics = await request.get(`${origin}/good_job/metrics`, { headers: { authorization: basic } });
      expect(metrics.status()).toBe(200);
      expect(await metrics.text()).toContain('goodjob_scrape_ok 1');
    });

    test('replayed actions without credentials answer 401 under the prefix too, and nothing changes', async ({ browser, db, request }) => {
      const context = await browser.newContext({ httpCredentials: OPS });
      const { actions, batchId } = await captureActions(await context.newPage(), db, origin, '/good_job');
      await context.close();
      const before = await snapshot(db, batchId);
      await replayWithoutCredentials(request, origin, actions, '/good_job');
      // Outside the prefix nothing is served at all.
      for (const action of actions) {
        const outside = await request.post(`${origin}/favicon.ico${action.path.slice('/good_job'.length)}`, { headers: withoutCredentials(action.headers), data: action.body });
        expect([401, 404], action.kind).toContain(outside.status());
      }
      expect(await snapshot(db, batchId)).toEqual(before);
      expect(auditLines(signed.output())).toEqual([]);
    });
  });

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
    // A table's rows are plain links: opened in a new tab or without JavaScript, they must carry the prefix too.
    const rowLink = page.getByRole('link', { name: new RegExp(batchId) });
    expect(await rowLink.getAttribute('href')).toBe(`/good_job/ru/batches/${batchId}`);
    expect((await request.get(base + (await rowLink.getAttribute('href')))).status()).toBe(200);
    await rowLink.click();
    await expect(page).toHaveURL(`${base}/good_job/ru/batches/${batchId}`);

    await page.getByRole('link', { name: '日本語' }).click();
    await expect(page).toHaveURL(`${base}/good_job/ja/batches/${batchId}`);
    const batchPage = new BatchPage(page, 'ja');
    await batchPage.act(jobIds[0]!, 'retry');
    await expect(batchPage.job(jobIds[0]!).getByTestId('status-queued')).toBeVisible();
    const { rows } = await db.query('SELECT finished_at FROM good_jobs WHERE id = $1', [jobIds[0]]);
    expect(rows[0].finished_at).toBeNull();

    // The navigation's link, whose name may end with its count ("ジョブ 52").
    await page.getByRole('navigation', { name: messages('ja').Nav!.main }).getByRole('link', { name: new RegExp(`^${messages('ja').Nav!.jobs!}( |$)`) }).click();
    await expect(page).toHaveURL(`${base}/good_job/ja/jobs`);
    const jobLink = page.locator(`tbody[data-job-id="${jobIds[1]}"] a.job-class`);
    expect(await jobLink.getAttribute('href')).toBe(`/good_job/ja/jobs/${jobIds[1]}`);
    await jobLink.click();
    await expect(page).toHaveURL(`${base}/good_job/ja/jobs/${jobIds[1]}`);
    expect((await request.get(`${base}/en/batches`)).status()).toBe(404);
    await context.close();
  });
});
