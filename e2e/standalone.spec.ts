// The container image's server: scripts/server/serve.mjs on Next's standalone output (NEXT_OUTPUT=standalone), laid
// out as the Dockerfile lays it out and started with the image's environment — not scripts/start.mjs, so serve.mjs
// itself must apply the exposure rule, and it has no next.config.ts to read. HTTP requests only: no browser.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { nextBin } from './server';
import { TYPOS } from '../lib/testing/typos';

const BASE = Number(process.env.E2E_PORT ?? 3917);
const PORT = BASE + 10;
const REFUSED_PORT = BASE + 11;
const URL = `http://127.0.0.1:${PORT}`;
const DIST = '.next-standalone';
const ROOT = join(DIST, 'standalone');
const SERVE = ['scripts/server/serve.mjs'];
const OPS = { username: 'ops', password: 's3cret pass' };
const basic = `Basic ${Buffer.from(`${OPS.username}:${OPS.password}`).toString('base64')}`;

/** What the Dockerfile's runtime stage sets, and nothing of this process's environment but PATH. */
const imageEnv = (port: number, extra: Record<string, string>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  NODE_ENV: 'production',
  HOSTNAME: '0.0.0.0',
  PORT: String(port),
  NEXT_TELEMETRY_DISABLED: '1',
  // The image builds into Next's default .next; this test's build has its own folder.
  NEXT_DIST_DIR: DIST,
  DATABASE_URL: process.env.E2E_DATABASE_URL!,
  ...extra,
});

async function startStandalone(request: APIRequestContext, env: NodeJS.ProcessEnv): Promise<{ server: ChildProcess; errors: () => string }> {
  const server = spawn(process.execPath, SERVE, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  // Whatever ends this worker (a failed hook, a crash), the server ends with it: a stale one would answer the next run.
  const killOnExit = () => server.kill('SIGKILL');
  process.once('exit', killOnExit);
  server.once('exit', () => process.off('exit', killOnExit));
  let errors = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  await expect(async () => {
    expect(server.exitCode, `server.js exited:\n${errors}`).toBeNull();
    expect((await request.get(`http://127.0.0.1:${env.PORT}/healthz`)).status()).toBe(200);
  }).toPass({ timeout: 30_000 });
  return { server, errors: () => errors };
}

let standalone: { server: ChildProcess; errors: () => string } | undefined;

test.beforeAll(async ({ request }) => {
  // Measured 160–260 s on a 2-core machine busy with other builds (load 7–9); ≈ 20 s on an idle one.
  test.setTimeout(460_000);
  const env = { ...process.env, NEXT_OUTPUT: 'standalone', NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1' };
  const build = spawnSync(process.execPath, [nextBin(), 'build'], { env, encoding: 'utf8', timeout: 400_000 });
  expect(build.status, build.stderr).toBe(0);
  // As the Dockerfile does: the built files (and public/, if any) go beside server.js, which serves them.
  cpSync(join(DIST, 'static'), join(DIST, 'standalone', DIST, 'static'), { recursive: true });
  if (existsSync('public')) cpSync('public', join(DIST, 'standalone', 'public'), { recursive: true });
  cpSync(join('scripts', 'server'), join(ROOT, 'scripts', 'server'), { recursive: true });
  mkdirSync(join(ROOT, 'lib', 'edge'), { recursive: true });
  for (const file of readdirSync(join('lib', 'edge')).filter((f) => f.endsWith('.mjs'))) cpSync(join('lib', 'edge', file), join(ROOT, 'lib', 'edge', file));
  standalone = await startStandalone(request, imageEnv(PORT, { DASHBOARD_USERNAME: OPS.username, DASHBOARD_PASSWORD: OPS.password, DATABASE_STATEMENT_TIMEOUT_MS: '1000' }));
});
test.afterAll(() => {
  standalone?.server.kill('SIGTERM');
});

test("each typo in a setting stops the image's server before it listens, naming the variable; several are named together", async ({ request }) => {
  test.setTimeout(120_000);
  const signIn = { DASHBOARD_USERNAME: 'a', DASHBOARD_PASSWORD: 'b' };
  for (const [name, value] of Object.entries(TYPOS)) {
    const refused = spawnSync(process.execPath, SERVE, { cwd: ROOT, env: imageEnv(REFUSED_PORT, { ...signIn, [name]: value }), encoding: 'utf8', timeout: 30_000 });
    expect(refused.status, `${name}: ${refused.stderr}`).toBe(1);
    expect(refused.stderr).toContain(`${name}=${JSON.stringify(value)}: expected`);
  }
  // Nothing listened meanwhile.
  await expect(request.get(`http://127.0.0.1:${REFUSED_PORT}/healthz`)).rejects.toThrow();
  const both = spawnSync(process.execPath, SERVE, { cwd: ROOT, env: imageEnv(REFUSED_PORT, { ...signIn, DASHBOARD_MAX_CONCURRENCY: 'eight', DASHBOARD_BODY_TIMEOUT_MS: '10s' }), encoding: 'utf8', timeout: 30_000 });
  expect(both.status, both.stderr).toBe(1);
  expect(both.stderr).toContain('settings are not valid');
  expect(both.stderr).toContain('DASHBOARD_MAX_CONCURRENCY="eight"');
  expect(both.stderr).toContain('DASHBOARD_BODY_TIMEOUT_MS="10s"');
});

test('with sign-in it serves pages and their built files, refuses without, and answers the probes', async ({ request }) => {
  const page = await request.get(`${URL}/en/batches`, { headers: { authorization: basic } });
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain('<html lang="en"');
  const script = /src="([^"]*\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  expect((await request.get(URL + script!)).status()).toBe(200);

  const refused = await request.get(`${URL}/en/batches`, { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toBe('Basic realm="GoodJob Dashboard", charset="UTF-8"');

  const live = await request.get(`${URL}/healthz`);
  expect([live.status(), await live.text()]).toEqual([200, 'ok\n']);
  const ready = await request.get(`${URL}/readyz`);
  expect([ready.status(), await ready.text()]).toEqual([200, 'ready\n']);
});

test('pages answer the status codes npm start gives: 404, 405, and 503 "busy" behind a table lock', async ({ request }) => {
  expect((await request.get(`${URL}/en/batches/not-a-batch`, { headers: { authorization: basic } })).status()).toBe(404);
  // TRACE is answered by the edge (405): Next alone answers 500.
  expect((await request.fetch(`${URL}/en/jobs`, { method: 'TRACE', headers: { authorization: basic } })).status()).toBe(405);
  const locker = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE good_jobs IN ACCESS EXCLUSIVE MODE');
    const busy = await request.get(`${URL}/en/jobs`, { headers: { authorization: basic } });
    expect(busy.status()).toBe(503);
    expect(busy.headers()['retry-after']).toBe('5');
  } finally {
    await locker.query('ROLLBACK');
    await locker.end();
  }
  expect((await request.get(`${URL}/en/jobs`, { headers: { authorization: basic } })).status()).toBe(200);
});

test("the image's server on 0.0.0.0 without sign-in exits at once and says why", () => {
  const refused = spawnSync(process.execPath, SERVE, { cwd: ROOT, env: imageEnv(REFUSED_PORT, {}), encoding: 'utf8', timeout: 30_000 });
  expect(refused.status, refused.stderr).toBe(1);
  expect(refused.stderr).toContain('Refusing to listen on 0.0.0.0 without sign-in');
  expect(refused.stderr).toContain('DASHBOARD_USERNAME');
});
