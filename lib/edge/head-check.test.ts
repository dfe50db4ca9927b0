import { describe, expect, it } from 'vitest';
import { announcesBody, headVerdict } from './head-check';
import { plainAnswer } from './refusal';

const SIGN_IN = { DASHBOARD_USERNAME: 'ops', DASHBOARD_PASSWORD: 'pw' };
const BASIC = `Basic ${btoa('ops:pw')}`;
const h = (headers: Record<string, string>) => new Headers({ host: '127.0.0.1:3000', ...headers });
const verdict = (method: string, path: string, headers: Record<string, string>, env: Record<string, string> = SIGN_IN, readOnly = false) =>
  headVerdict(method, path, h(headers), env, readOnly);

describe('headVerdict', () => {
  it('lets the public reads through without sign-in, but never with a body', () => {
    expect(verdict('GET', '/healthz', {})).toEqual({ pass: true, public: true });
    expect(verdict('GET', '/_next/static/chunks/a.js', {})).toEqual({ pass: true, public: true });
    expect(verdict('GET', '/healthz', { 'content-length': '52428800' })).toMatchObject({ pass: false, status: 413 });
    expect(verdict('GET', '/favicon.ico', { 'transfer-encoding': 'chunked' })).toMatchObject({ pass: false, status: 413 });
  });
  it('refuses an unsigned request of any method on any other path with 401, a foreign Host with 421', () => {
    for (const [method, path] of [['POST', '/healthz'], ['POST', '/en/jobs'], ['GET', '/api/jobs.csv'], ['TRACE', '/en/jobs']] as const) {
      expect(verdict(method, path, { 'content-length': '100000' }), `${method} ${path}`).toMatchObject({ pass: false, status: 401, reason: 'unauthorized' });
    }
    expect(verdict('GET', '/en/jobs', { host: 'evil.example', authorization: BASIC }, {})).toMatchObject({ pass: false, status: 421 });
  });
  it('after sign-in: the method, then the origin of a write with or without Next-Action, then the declared size', () => {
    const signed = { authorization: BASIC };
    expect(verdict('PUT', '/en/jobs', signed)).toMatchObject({ status: 405 });
    expect(verdict('POST', '/en/jobs', { ...signed, origin: 'http://evil.example', 'content-type': 'multipart/form-data; boundary=x' })).toMatchObject({ status: 403, reason: 'crossOrigin' });
    expect(verdict('POST', '/en/jobs', { ...signed, origin: 'http://evil.example', 'next-action': 'abc' })).toMatchObject({ status: 403, reason: 'crossOrigin' });
    expect(verdict('GET', '/en/jobs', { ...signed, origin: 'http://evil.example' })).toEqual({ pass: true, public: false });
    expect(verdict('POST', '/en/jobs', { ...signed, origin: 'http://127.0.0.1:3000', 'content-length': String(1024 * 1024 + 1) })).toMatchObject({ status: 413 });
    expect(verdict('POST', '/en/jobs', { ...signed, origin: 'http://127.0.0.1:3000', 'content-length': String(1024 * 1024) })).toEqual({ pass: true, public: false });
  });
  it('read-only: a write that is no server action is refused; an action refuses by itself in the page', () => {
    expect(verdict('POST', '/en/jobs', { authorization: BASIC }, SIGN_IN, true)).toMatchObject({ status: 403, reason: 'readOnly' });
    expect(verdict('POST', '/en/jobs', { authorization: BASIC, 'next-action': 'abc' }, SIGN_IN, true)).toEqual({ pass: true, public: false });
  });
});

describe('announcesBody and plainAnswer', () => {
  it('a body follows a positive Content-Length or any Transfer-Encoding', () => {
    expect(announcesBody(h({}))).toBe(false);
    expect(announcesBody(h({ 'content-length': '0' }))).toBe(false);
    expect(announcesBody(h({ 'content-length': '1' }))).toBe(true);
    expect(announcesBody(h({ 'transfer-encoding': 'chunked' }))).toBe(true);
  });
  it('says who is busy: the dashboard, not the database', () => {
    const busy = plainAnswer({ status: 503, reason: 'dashboardBusy' }, 'ru');
    expect(busy).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(busy.text).toMatch(/^503 Панель перегружена\n/);
    expect(busy.text).not.toContain('База данных');
    expect(plainAnswer({ status: 401, reason: 'unauthorized' }, 'ko').headers['www-authenticate']).toBe('Basic realm="GoodJob Dashboard", charset="UTF-8"');
  });
});
