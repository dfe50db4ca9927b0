import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEdge, hasEdge, passRequestsThrough } from './edge.mjs';

const OVERRIDES = Symbol.for('goodjob-dashboard.response-override');
type Store = { getStore(): { status: number | null; retryAfterSeconds: number | null } | undefined };
const busyText = () => 'busy\n';

/** Next's handler, as far as the edge can tell: echoes what it was given; `?status` asks for one as a page would. */
function echo(req: IncomingMessage, res: import('node:http').ServerResponse) {
  if (req.url?.includes('status')) {
    const store = (globalThis as unknown as Record<symbol, Store>)[OVERRIDES]!.getStore()!;
    store.status = 503;
    store.retryAfterSeconds = 5;
  }
  res.writeHead(200, 'OK', { 'content-type': 'application/json' });
  res.end(JSON.stringify({ method: req.method, forwardedFor: req.headers['x-forwarded-for'] ?? null, realIp: req.headers['x-real-ip'] ?? null }));
}

const servers: Server[] = [];
const undo: Array<() => void> = [];
afterEach(async () => {
  for (const u of undo.splice(0)) u();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  delete (globalThis as unknown as Record<symbol, unknown>)[OVERRIDES];
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; retryAfter: string | undefined; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createEdge', () => {
  it('drops the forwarded headers a client sends and names the peer, unless a trusted proxy wrote them', async () => {
    const edge = createEdge({ busyText, env: {} });
    expect(hasEdge()).toBe(true);
    const port = await listen(createServer((req, res) => edge(req, res, echo)));
    const forged = { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' };
    expect((await send(port, '/en/jobs', { headers: forged })).body).toMatchObject({ forwardedFor: '127.0.0.1', realIp: null });

    const trusting = createEdge({ busyText, env: { DASHBOARD_TRUST_PROXY: '1' } });
    const trustingPort = await listen(createServer((req, res) => trusting(req, res, echo)));
    expect((await send(trustingPort, '/en/jobs', { headers: forged })).body).toMatchObject({ forwardedFor: '203.0.113.9' });
  });

  it('answers with the status a page asked for, with Retry-After, and renames TRACE for the proxy to refuse', async () => {
    const edge = createEdge({ busyText, env: {} });
    const port = await listen(createServer((req, res) => edge(req, res, echo)));
    expect(await send(port, '/en/jobs?status')).toMatchObject({ status: 503, retryAfter: '5' });
    expect(await send(port, '/en/jobs')).toMatchObject({ status: 200, retryAfter: undefined });
    expect((await send(port, '/en/jobs', { method: 'TRACE' })).body).toMatchObject({ method: 'UNSUPPORTED-TRACE' });
  });
});

describe('passRequestsThrough', () => {
  it('puts the edge in front of a server it did not create (the standalone server.js), until undone', async () => {
    undo.push(passRequestsThrough(createEdge({ busyText, env: {} })));
    const port = await listen(createServer(echo));
    expect(await send(port, '/en/jobs?status', { headers: { 'x-forwarded-for': '203.0.113.9' } })).toMatchObject({ status: 503, body: { forwardedFor: '127.0.0.1' } });
    undo.pop()!();
    expect((await send(port, '/en/jobs', { headers: { 'x-forwarded-for': '203.0.113.9' } })).body).toMatchObject({ forwardedFor: '203.0.113.9' });
  });
});
