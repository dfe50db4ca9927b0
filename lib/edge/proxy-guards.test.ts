import { NextRequest, NextResponse } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTED_COOKIE, POSTED_HEADER } from '../domain/action-result-url';
import { actionBodyGuard, databaseGuard, headGuard, localeGuard, passThrough, proxyContext, runGuards, undecodableGuard, type Guard } from './proxy-guards';

const req = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new NextRequest(new URL(path, 'http://127.0.0.1:3000'), { method: init.method ?? 'GET', headers: { host: '127.0.0.1:3000', ...init.headers }, body: init.body });
/** A redirect's or rewrite's target, as path and query (NextURL writes 127.0.0.1 as localhost). */
const target = (value: string | null | undefined) => (value ? `${new URL(value).pathname}${new URL(value).search}` : value);
const ctx = (request: NextRequest, reachable = true) => proxyContext(request, async () => reachable);
const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('headGuard', () => {
  it('lets a page through to the next guard, a public read through untouched, and refuses on the head', async () => {
    delete process.env.DASHBOARD_USERNAME;
    delete process.env.DASHBOARD_PASSWORD;
    const page = req('/en/jobs');
    expect(await headGuard(page, ctx(page))).toBeNull();
    const probe = req('/healthz');
    expect(((await headGuard(probe, ctx(probe))) as Response).headers.get('x-middleware-next')).toBe('1');
    const foreign = req('/en/jobs', { headers: { host: 'evil.example' } });
    const refused = (await headGuard(foreign, ctx(foreign))) as Response;
    expect(refused.status).toBe(421);
    expect(refused.headers.get('content-security-policy')).toContain('nonce-');
  });
  it('asks for credentials when sign-in is on', async () => {
    process.env.DASHBOARD_USERNAME = 'ops';
    process.env.DASHBOARD_PASSWORD = 'pw';
    const page = req('/ja/jobs');
    const refused = (await headGuard(page, ctx(page))) as Response;
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('401');
  });
});

describe('actionBodyGuard', () => {
  it('passes what is no server action, and answers a malformed action body with a localized 400', async () => {
    const plainPost = req('/en/jobs', { method: 'POST', body: 'x' });
    expect(await actionBodyGuard(plainPost, ctx(plainPost))).toBeNull();
    const bad = req('/ko/jobs', { method: 'POST', headers: { 'next-action': 'abc', 'content-type': 'text/plain;charset=UTF-8', 'accept-language': 'ko' }, body: '{not json' });
    const answer = await actionBodyGuard(bad, ctx(bad));
    expect(answer?.status).toBe(400);
  });
});

describe('undecodableGuard and localeGuard', () => {
  it('rewrites a path that is not valid percent-encoding to its locale\'s 404', async () => {
    const broken = req('/ja/jobs/%E0%A4%A');
    expect(target((await undecodableGuard(broken, ctx(broken)))?.headers.get('x-middleware-rewrite'))).toBe('/ja/not-found');
    const fine = req('/ja/jobs');
    expect(await undecodableGuard(fine, ctx(fine))).toBeNull();
  });
  it('redirects / and unprefixed paths to the browser\'s language, leaves /api and /metrics alone', async () => {
    const root = req('/', { headers: { 'accept-language': 'ru' } });
    expect(target((await localeGuard(root, ctx(root)))?.headers.get('location'))).toBe('/ru/batches');
    const unprefixed = req('/jobs?state=queued', { headers: { 'accept-language': 'ko' } });
    expect(target((await localeGuard(unprefixed, ctx(unprefixed)))?.headers.get('location'))).toBe('/ko/jobs?state=queued');
    for (const path of ['/api/jobs.csv', '/metrics', '/en/jobs']) {
      const r = req(path);
      expect(await localeGuard(r, ctx(r)), path).toBeNull();
    }
  });
});

describe('databaseGuard', () => {
  it('answers a page with a localized 503 while the database cannot be reached; passes otherwise', async () => {
    const page = req('/ja/batches');
    expect(await databaseGuard(page, ctx(page, true))).toBeNull();
    const down = await databaseGuard(page, ctx(page, false));
    expect(down?.status).toBe(503);
    expect(down?.headers.get('retry-after')).toBe('5');
    expect(await down?.text()).toContain('<html lang="ja"');
    const post = req('/ja/batches', { method: 'POST' });
    expect(await databaseGuard(post, ctx(post, false))).toBeNull();
  });
});

describe('passThrough', () => {
  it("hands the page its nonce and a posted result once, and drops a client's own result header", async () => {
    const forged = req('/en/jobs', { headers: { [POSTED_HEADER]: 'forged' } });
    const through = (await passThrough(forged, ctx(forged)))!;
    expect(through.headers.get('x-middleware-request-x-nonce')).toMatch(/.+/);
    expect(through.headers.get(`x-middleware-request-${POSTED_HEADER}`)).toBeNull();
    const posted = req('/en/jobs', { headers: { cookie: `${POSTED_COOKIE}=retry.done.x` } });
    const handed = (await passThrough(posted, ctx(posted)))!;
    expect(handed.headers.get(`x-middleware-request-${POSTED_HEADER}`)).toBe('retry.done.x');
    expect(handed.headers.get('set-cookie')).toContain(`${POSTED_COOKIE}=;`);
  });
});

describe('runGuards', () => {
  it('answers with the first guard that answers', async () => {
    const r = req('/en/jobs');
    const seen: string[] = [];
    const pass = (name: string): Guard => () => (seen.push(name), null);
    const answer: Guard = () => (seen.push('answer'), new NextResponse('done', { status: 299 }));
    const response = await runGuards(r, ctx(r), [pass('a'), answer, pass('never')]);
    expect(response.status).toBe(299);
    expect(seen).toEqual(['a', 'answer']);
  });
});
