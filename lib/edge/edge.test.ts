import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEdgePolicy } from './policy';
import { createEdge, type ServerSettings } from './edge.mjs';

const OVERRIDES = Symbol.for('goodjob-dashboard.response-override');
type Store = { getStore(): { status: number | null; retryAfterSeconds: number | null } | undefined };
const SIGN_IN = { DASHBOARD_USERNAME: 'ops', DASHBOARD_PASSWORD: 'pw' };
const BASIC = `Basic ${Buffer.from('ops:pw').toString('base64')}`;

const settings = (over: Partial<ServerSettings> = {}): ServerSettings => ({
  DASHBOARD_MAX_CONCURRENCY: 8,
  DASHBOARD_MAX_QUEUE: 64,
  DASHBOARD_QUEUE_WAIT_MS: 3000,
  DASHBOARD_HEADERS_TIMEOUT_MS: 10_000,
  DASHBOARD_BODY_TIMEOUT_MS: 10_000,
  DASHBOARD_IDLE_TIMEOUT_MS: 30_000,
  DASHBOARD_KEEP_ALIVE_TIMEOUT_MS: 5000,
  ...over,
});

/** Next's handler, as far as the edge can tell: echoes what it was given; `?status` asks for one as a page would. */
async function echo(req: IncomingMessage, res: ServerResponse) {
  if (req.url?.includes('status')) {
    const store = (globalThis as unknown as Record<symbol, Store>)[OVERRIDES]!.getStore()!;
    store.status = 503;
    store.retryAfterSeconds = 5;
  }
  let body = '';
  for await (const chunk of req) body += (chunk as Buffer).toString('utf8');
  res.writeHead(200, 'OK', { 'content-type': 'application/json' });
  res.end(JSON.stringify({ method: req.method, forwardedFor: req.headers['x-forwarded-for'] ?? null, realIp: req.headers['x-real-ip'] ?? null, body }));
}

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  delete (globalThis as unknown as Record<symbol, unknown>)[OVERRIDES];
});

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;
async function serve(env: Record<string, string>, handler: Handler = echo, over: Partial<ServerSettings> = {}, trustProxy = false) {
  const edge = createEdge({ policy: createEdgePolicy(env, ''), settings: settings(over), trustProxy });
  const calls: string[] = [];
  const server = createServer((req, res) =>
    edge(req, res, (q, s) => {
      calls.push(`${q.method} ${q.url}`);
      return handler(q, s);
    }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, calls, edge };
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; text: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A raw connection that sends `head` and then trickles its body; resolves with what the server answered and when. */
function trickle(port: number, head: string) {
  const socket = connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  const ticker = setInterval(() => socket.writable && socket.write('a'), 200);
  const closed = new Promise<{ text: string; closedAfterMs: number }>((resolve) => {
    socket.on('data', (c) => (received += c.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(ticker);
      resolve({ text: received, closedAfterMs: Date.now() - started });
    });
  });
  socket.write(head);
  return { closed, answered: () => received, stop: () => socket.destroy() };
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('createEdge', () => {
  it('drops the forwarded headers a client sends and names the peer, unless a trusted proxy wrote them', async () => {
    const forged = { 'x-forwarded-for': '203.0.113.9', 'x-real-ip': '203.0.113.9' };
    const { port } = await serve({});
    expect(json((await send(port, '/en/jobs', { headers: forged })).text)).toMatchObject({ forwardedFor: '127.0.0.1', realIp: null });
    const trusting = await serve({ DASHBOARD_TRUST_PROXY: '1' }, echo, {}, true);
    expect(json((await send(trusting.port, '/en/jobs', { headers: forged })).text)).toMatchObject({ forwardedFor: '203.0.113.9' });
  });

  it('answers with the status a page asked for, with Retry-After; TRACE gets 405 from the edge', async () => {
    const { port, calls } = await serve({});
    expect(await send(port, '/en/jobs?status')).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(await send(port, '/en/jobs')).toMatchObject({ status: 200 });
    expect(await send(port, '/en/jobs', { method: 'TRACE' })).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD, POST, OPTIONS' } });
    expect(calls).toEqual(['GET /en/jobs?status', 'GET /en/jobs']);
  });

  it('refuses an unsigned post on its head, before its body, and closes the connection; Next never sees it', async () => {
    const { port, calls } = await serve(SIGN_IN);
    const slow = trickle(port, 'POST /ko/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n\r\n');
    const { text, closedAfterMs } = await slow.closed;
    expect(text).toMatch(/^HTTP\/1\.1 401 /);
    expect(text).toContain('connection: close');
    expect(text).toContain('401 로그인이 필요합니다.');
    expect(closedAfterMs).toBeLessThan(5_000);
    expect(calls).toEqual([]);
  });

  it('refuses a body on the public paths and a declared size past the limit at once', async () => {
    const { port, calls } = await serve(SIGN_IN);
    const probe = trickle(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 50000000\r\n\r\n');
    expect((await probe.closed).text).toMatch(/^HTTP\/1\.1 413 [\s\S]*Refused: this request is larger/);
    const big = trickle(port, `POST /en/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${BASIC}\r\nContent-Length: 2000000\r\n\r\n`);
    expect((await big.closed).text).toMatch(/^HTTP\/1\.1 413 /);
    expect(calls).toEqual([]);
  });

  it('reads a signed body first, then hands it to Next whole; a chunked body past the limit is a 413', async () => {
    const { port } = await serve(SIGN_IN);
    const posted = await send(port, '/en/jobs', { method: 'POST', headers: { authorization: BASIC, 'content-type': 'text/plain' }, body: '["x",1]' });
    expect(json(posted.text)).toMatchObject({ method: 'POST', body: '["x",1]' });
    const chunked = await send(port, '/en/jobs', { method: 'POST', headers: { authorization: BASIC, 'transfer-encoding': 'chunked' }, body: 'x'.repeat(1024 * 1024 + 1) }).catch((e: Error) => e);
    if (!(chunked instanceof Error)) expect(chunked.status).toBe(413);
  });

  it('answers a body that trickles past the body timeout with a 408, holding no render slot meanwhile', async () => {
    const { port, calls } = await serve(SIGN_IN, echo, { DASHBOARD_MAX_CONCURRENCY: 1, DASHBOARD_MAX_QUEUE: 0, DASHBOARD_BODY_TIMEOUT_MS: 1500 });
    const slow = trickle(port, `POST /ru/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${BASIC}\r\nContent-Length: 100000\r\n\r\n`);
    // The only render slot is free while that body trickles in.
    expect((await send(port, '/en/jobs', { headers: { authorization: BASIC } })).status).toBe(200);
    const { text } = await slow.closed;
    expect(text).toMatch(/^HTTP\/1\.1 408 [\s\S]*Отклонено: запрос поступал слишком медленно/);
    expect(calls).toEqual(['GET /en/jobs']);
  });

  it('gives the render slot back once a response starts streaming; a request past the queue hears the dashboard is busy', async () => {
    let finish: (() => void) | undefined;
    const streaming: Handler = (req, res) => {
      if (!req.url?.includes('stream')) return echo(req, res);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first part\n');
      finish = () => res.end('last part\n');
    };
    const { port } = await serve({}, streaming, { DASHBOARD_MAX_CONCURRENCY: 1, DASHBOARD_MAX_QUEUE: 0 });
    const download = new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/api/stream' }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve(text));
      }).end();
    });
    await expect.poll(() => finish !== undefined).toBe(true);
    expect((await send(port, '/en/jobs')).status).toBe(200);

    // A handler that never answers keeps its slot: the next request is shed, in its page's language.
    const { port: busyPort } = await serve({}, () => new Promise(() => undefined), { DASHBOARD_MAX_CONCURRENCY: 1, DASHBOARD_MAX_QUEUE: 0 });
    const hanging = request({ host: '127.0.0.1', port: busyPort, path: '/en/jobs' });
    hanging.on('error', () => undefined);
    hanging.end();
    await new Promise((r) => setTimeout(r, 100));
    const shed = await send(busyPort, '/ja/batches');
    expect(shed).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(shed.text).toMatch(/^503 ダッシュボードが混雑しています/);
    expect(shed.text).not.toContain('データベース');
    hanging.destroy();
    finish!();
    expect(await download).toBe('first part\nlast part\n');
  });
});
