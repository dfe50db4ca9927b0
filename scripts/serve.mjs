// The production server: Next's request handler behind our own HTTP server, so that the edge of the process decides
// what the app may believe about the client. `next start` fills X-Forwarded-For from the socket only when the client
// sent none, so any client could name its own address in the audit trail. Here, unless DASHBOARD_TRUST_PROXY=1 says a
// proxy in front of us writes them, the forwarded headers a client sent are dropped and X-Forwarded-For is the peer's
// address. Usage: node scripts/serve.mjs --hostname 127.0.0.1 --port 3000 (scripts/lib/build.mjs builds the command).
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { busyTexts, createAdmission, isCheap } from './lib/admission.mjs';

const { values } = parseArgs({ options: { hostname: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '3000' } } });
const hostname = values.hostname;
const port = Number(values.port);
const trustProxy = ['1', 'true', 'yes'].includes((process.env.DASHBOARD_TRUST_PROXY ?? '').toLowerCase());
/** Methods the Fetch API refuses to build a Request with: renamed so that the proxy can answer them (401, then 405). */
const FORBIDDEN_BY_FETCH = new Set(['TRACE', 'TRACK']);
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];

// Pages set their status through this (lib/response-status.ts): applied when the response's head is written.
const overrides = new AsyncLocalStorage();
globalThis[Symbol.for('goodjob-dashboard.response-override')] = overrides;

process.env.NODE_ENV = 'production';
const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
const busyText = busyTexts();
const admission = createAdmission({
  concurrency: Number(process.env.DASHBOARD_MAX_CONCURRENCY ?? 8),
  queueLimit: Number(process.env.DASHBOARD_MAX_QUEUE ?? 64),
  waitMs: Number(process.env.DASHBOARD_QUEUE_WAIT_MS ?? 3000),
});

const server = createServer((req, res) => {
  // A client that gives up mid-request ('aborted', ECONNRESET) is not the server's error: never an uncaughtException.
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  if (isCheap(req.url)) return serve(req, res);
  admission.admit({
    start: (release) => {
      res.on('close', release);
      serve(req, res);
    },
    refuse: () => {
      if (res.headersSent || res.destroyed) return;
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(busyText(req.url, basePath));
    },
    gone: () => res.destroyed || req.socket.destroyed,
  });
});

function serve(req, res) {
  if (FORBIDDEN_BY_FETCH.has(req.method ?? '')) req.method = `UNSUPPORTED-${req.method}`;
  if (!trustProxy) {
    for (const name of FORWARDED) delete req.headers[name];
    const peer = req.socket.remoteAddress;
    if (peer) req.headers['x-forwarded-for'] = peer.replace(/^::ffff:/, '');
  }
  const override = { status: null, retryAfterSeconds: null };
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithOverride(statusCode, ...rest) {
    if (override.status === null) return writeHead.call(this, statusCode, ...rest);
    if (override.retryAfterSeconds !== null) this.setHeader('Retry-After', String(override.retryAfterSeconds));
    return writeHead.call(this, override.status, ...rest.filter((arg) => typeof arg !== 'string'));
  };
  overrides.run(override, () => handle(req, res)).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end();
  });
}
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
