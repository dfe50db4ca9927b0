import { describe, expect, it } from 'vitest';
import { callerVerdict, hostAllowed, hostnameOf, isPublicRequest, isServedMethod, metricsTokenVerdict, originMismatch } from './gate';

const isPublicPath = (path: string) => isPublicRequest(path, 'GET', new Headers());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const SIGN_IN = { DASHBOARD_USERNAME: 'ops', DASHBOARD_PASSWORD: 's3cret' };
const req = (h: Record<string, string>) => new Headers(h);

describe('isPublicRequest: paths (GET)', () => {
  it('lets through exactly the static files, the favicon and the health endpoints', () => {
    for (const p of ['/_next/static/chunks/app.js', '/_next/static/css/a.css', '/favicon.ico', '/healthz', '/readyz']) expect(isPublicPath(p), p).toBe(true);
  });
  it('is end-anchored: a prefix of a public path is not public', () => {
    for (const p of [
      '/favicon.icoen/jobs',
      '/favicon.ico/en/jobs',
      '/favicon.ico.en',
      '/_next/staticX/en/jobs',
      '/_next/static',
      '/_next/static/',
      '/_next/image',
      '/_next/imageX/en/jobs',
      '/healthzen/jobs',
      '/healthz/en',
      '/en/jobs',
      '/',
    ]) {
      expect(isPublicPath(p), p).toBe(false);
    }
  });
});

describe('isPublicRequest', () => {
  it('is public only for reading: a POST or a server action on a public path needs sign-in', () => {
    expect(isPublicRequest('/_next/static/chunks/a.js', 'HEAD', new Headers())).toBe(true);
    for (const method of ['POST', 'PUT', 'TRACE', 'OPTIONS']) expect(isPublicRequest('/_next/static/en/jobs', method, new Headers()), method).toBe(false);
    expect(isPublicRequest('/_next/static/en/jobs', 'GET', new Headers({ 'next-action': 'abc' }))).toBe(false);
    expect(isPublicRequest('/favicon.ico', 'POST', new Headers())).toBe(false);
    expect(isPublicRequest('/healthz', 'POST', new Headers())).toBe(false);
  });
});

describe('hostnameOf', () => {
  it('takes the name without the port, IPv6 without brackets, lower-cased', () => {
    expect(hostnameOf('127.0.0.1:3000')).toBe('127.0.0.1');
    expect(hostnameOf('[::1]:3000')).toBe('::1');
    expect(hostnameOf('Jobs.Example.COM')).toBe('jobs.example.com');
  });
  it('refuses what is not a host', () => {
    for (const h of ['', 'a b', 'evil.example@127.0.0.1', 'x/y', '127.0.0.1:99999999']) expect(hostnameOf(h), h).toBeNull();
    expect(hostnameOf(null)).toBeNull();
  });
});

describe('hostAllowed (DNS rebinding)', () => {
  it('with sign-in off answers loopback names only, whatever the port', () => {
    for (const h of ['127.0.0.1:3000', 'localhost:3000', '[::1]:3000', '127.8.9.10']) expect(hostAllowed(req({ host: h }), {}), h).toBe(true);
    for (const h of ['evil.example:3000', 'evil.example', '10.0.0.5:3000', '0.0.0.0:3000', 'localhost.evil.example']) expect(hostAllowed(req({ host: h }), {}), h).toBe(false);
    expect(hostAllowed(req({}), {})).toBe(false);
  });
  it('adds DASHBOARD_ALLOWED_HOSTS', () => {
    const env = { DASHBOARD_ALLOWED_HOSTS: 'jobs.example.com, Other.Example' };
    expect(hostAllowed(req({ host: 'jobs.example.com' }), env)).toBe(true);
    expect(hostAllowed(req({ host: 'other.example:8443' }), env)).toBe(true);
    expect(hostAllowed(req({ host: 'evil.example' }), env)).toBe(false);
  });
  it('with sign-in on checks only when DASHBOARD_ALLOWED_HOSTS is set', () => {
    expect(hostAllowed(req({ host: 'jobs.example.com' }), SIGN_IN)).toBe(true);
    expect(hostAllowed(req({ host: 'evil.example' }), { ...SIGN_IN, DASHBOARD_ALLOWED_HOSTS: 'jobs.example.com' })).toBe(false);
  });
  it('reads X-Forwarded-Host only from a trusted proxy', () => {
    const forged = req({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' });
    expect(hostAllowed(forged, {})).toBe(true); // ignored: the raw Host counts
    expect(hostAllowed(forged, { DASHBOARD_TRUST_PROXY: '1' })).toBe(false);
    const viaProxy = req({ host: '127.0.0.1:3000', 'x-forwarded-host': 'jobs.example.com' });
    expect(hostAllowed(viaProxy, { DASHBOARD_TRUST_PROXY: '1', DASHBOARD_ALLOWED_HOSTS: 'jobs.example.com' })).toBe(true);
  });
});

describe('callerVerdict', () => {
  it('answers 421 for a foreign Host before it looks at credentials', () => {
    expect(callerVerdict(req({ host: 'evil.example' }), {})).toEqual({ ok: false, status: 421 });
  });
  it('answers 401 without the right credentials when sign-in is on, and names the user otherwise', () => {
    expect(callerVerdict(req({ host: 'x.example' }), SIGN_IN)).toEqual({ ok: false, status: 401 });
    expect(callerVerdict(req({ host: 'x.example', authorization: basic('ops', 'wrong') }), SIGN_IN)).toEqual({ ok: false, status: 401 });
    expect(callerVerdict(req({ host: 'x.example', authorization: basic('ops', 's3cret') }), SIGN_IN)).toEqual({ ok: true, user: 'ops' });
  });
  it('lets a loopback request in with sign-in off, as nobody', () => {
    expect(callerVerdict(req({ host: '127.0.0.1:3000' }), {})).toEqual({ ok: true, user: null });
  });
});

describe('isServedMethod', () => {
  it('serves pages, actions and preflight; nothing else', () => {
    for (const m of ['GET', 'HEAD', 'POST', 'OPTIONS', 'get']) expect(isServedMethod(m), m).toBe(true);
    for (const m of ['TRACE', 'PUT', 'DELETE', 'PATCH', 'CONNECT', 'PROPFIND']) expect(isServedMethod(m), m).toBe(false);
  });
});

describe('originMismatch', () => {
  const post = (h: Record<string, string>) => req({ host: '127.0.0.1:3000', ...h });
  it('names an Origin of another host or port, a null or garbage Origin, with or without Next-Action', () => {
    expect(originMismatch(post({ origin: 'http://evil.example', 'next-action': 'abc' }), {})).toBe(true);
    expect(originMismatch(post({ origin: 'http://evil.example' }), {})).toBe(true);
    expect(originMismatch(post({ origin: 'http://127.0.0.1:4000' }), {})).toBe(true);
    expect(originMismatch(post({ origin: 'null' }), {})).toBe(true);
  });
  it('lets the same origin and a request without Origin through', () => {
    expect(originMismatch(post({ origin: 'http://127.0.0.1:3000' }), {})).toBe(false);
    expect(originMismatch(post({}), {})).toBe(false);
  });
  it('compares with the forwarded host only behind a trusted proxy', () => {
    const viaProxy = post({ origin: 'https://jobs.example.com', 'x-forwarded-host': 'jobs.example.com' });
    expect(originMismatch(viaProxy, {})).toBe(true);
    expect(originMismatch(viaProxy, { DASHBOARD_TRUST_PROXY: '1' })).toBe(false);
  });
});

describe('metricsTokenVerdict', () => {
  const TOKEN = { DASHBOARD_METRICS_TOKEN: 'scrape-me-9f2c' };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const verdict = (h: Record<string, string>, env: Record<string, string> = TOKEN, path = '/metrics', method = 'GET') => metricsTokenVerdict(path, method, req(h), env);

  it('admits GET /metrics with the token, whatever the Host and even with sign-in on', () => {
    expect(verdict(bearer('scrape-me-9f2c'))).toBe('admit');
    expect(verdict({ ...bearer('scrape-me-9f2c'), host: 'evil.example' }, { ...TOKEN, ...SIGN_IN, DASHBOARD_ALLOWED_HOSTS: 'jobs.example.com' })).toBe('admit');
    expect(verdict({ authorization: 'bearer   scrape-me-9f2c  ' })).toBe('admit');
  });
  it('rejects a Bearer with another token (401, WWW-Authenticate: Bearer)', () => {
    for (const t of ['scrape-me-9f2', 'scrape-me-9f2cX', 'SCRAPE-ME-9F2C', '', 's3cret']) expect(verdict(bearer(t)), t).toBe('reject');
    expect(verdict({ authorization: 'Bearer' })).toBe('reject');
  });
  it('leaves everything else to the normal gate', () => {
    expect(verdict({})).toBe('gate');
    expect(verdict({ authorization: basic('ops', 's3cret') })).toBe('gate');
    expect(verdict({ authorization: 'Bearerscrape-me-9f2c' })).toBe('gate');
    expect(verdict(bearer('scrape-me-9f2c'), {})).toBe('gate');
    expect(verdict(bearer('scrape-me-9f2c'), { DASHBOARD_METRICS_TOKEN: '  ' })).toBe('gate');
    for (const path of ['/en/jobs', '/metrics/', '/metricsx', '/api/batches/x', '/healthz']) expect(verdict(bearer('scrape-me-9f2c'), TOKEN, path), path).toBe('gate');
    for (const method of ['POST', 'HEAD', 'PUT', 'OPTIONS']) expect(verdict(bearer('scrape-me-9f2c'), TOKEN, '/metrics', method), method).toBe('gate');
    expect(verdict({ ...bearer('scrape-me-9f2c'), 'next-action': 'abc' })).toBe('gate');
  });
  it('does not open the pages\' or the actions\' gate: callerVerdict() knows no Bearer token', () => {
    const env = { ...TOKEN, ...SIGN_IN };
    expect(callerVerdict(req({ host: 'x.example', ...bearer('scrape-me-9f2c') }), env)).toEqual({ ok: false, status: 401 });
    expect(callerVerdict(req({ host: 'evil.example', ...bearer('scrape-me-9f2c') }), TOKEN)).toEqual({ ok: false, status: 421 });
  });
});
