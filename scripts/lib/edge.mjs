// The edge of the production server, between the socket and Next's request handler: what the app may believe about
// the client, how many requests render at once, and the HTTP status a page asked for. One module for both ways the
// dashboard is served: scripts/serve.mjs (`npm start`) passes its requests through it, and instrumentation.ts puts it
// in front of Next's standalone server.js (the container image), which never runs serve.mjs.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Server } from 'node:http';
import { createAdmission, isCheap } from './admission.mjs';

/** Methods the Fetch API refuses to build a Request with: renamed so that the proxy can answer them (401, then 405). */
const FORBIDDEN_BY_FETCH = new Set(['TRACE', 'TRACK']);
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];
/** Where lib/response-status.ts finds the request's override record. */
const OVERRIDES = Symbol.for('goodjob-dashboard.response-override');

/** Whether an edge already stands in front of Next in this process (serve.mjs makes one before Next starts). */
export const hasEdge = () => globalThis[OVERRIDES] !== undefined;

/**
 * Returns `edge(req, res, handle)`, which passes one request to `handle` (Next's handler) or answers it itself:
 * - `next start` fills X-Forwarded-For from the socket only when the client sent none, so any client could name its
 *   own address in the audit trail. Unless DASHBOARD_TRUST_PROXY=1 says a proxy in front writes them, the forwarded
 *   headers a client sent are dropped and X-Forwarded-For is the peer's address.
 * - At most DASHBOARD_MAX_CONCURRENCY requests render at once (scripts/lib/admission.mjs); one the queue turns away
 *   gets `busyText(url, basePath)` with a 503.
 * - A page sets its status through lib/response-status.ts: applied when the response's head is written.
 */
export function createEdge({ busyText, basePath = process.env.BASE_PATH ?? '', env = process.env }) {
  const overrides = new AsyncLocalStorage();
  globalThis[OVERRIDES] = overrides;
  const prefix = basePath.replace(/\/+$/, '');
  const trustProxy = ['1', 'true', 'yes'].includes((env.DASHBOARD_TRUST_PROXY ?? '').toLowerCase());
  const admission = createAdmission({
    concurrency: Number(env.DASHBOARD_MAX_CONCURRENCY ?? 8),
    queueLimit: Number(env.DASHBOARD_MAX_QUEUE ?? 64),
    waitMs: Number(env.DASHBOARD_QUEUE_WAIT_MS ?? 3000),
  });

  function serve(req, res, handle) {
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
    const failed = (error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    };
    try {
      Promise.resolve(overrides.run(override, () => handle(req, res))).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  return function edge(req, res, handle) {
    // A client that gives up mid-request ('aborted', ECONNRESET) is not the server's error: never an uncaughtException.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    if (isCheap(req.url)) return serve(req, res, handle);
    admission.admit({
      start: (release) => {
        res.on('close', release);
        serve(req, res, handle);
      },
      refuse: () => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        res.end(busyText(req.url, prefix));
      },
      gone: () => res.destroyed || req.socket.destroyed,
    });
  };
}

/**
 * Puts `edge` in front of the HTTP servers of this process that this code did not create (Next's standalone
 * server.js): every 'request' event passes through it before it reaches the server's own listeners. Returns the undo.
 */
export function passRequestsThrough(edge) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitThroughEdge(event, ...args) {
    if (event !== 'request') return emit.call(this, event, ...args);
    const [req, res] = args;
    edge(req, res, (request, response) => emit.call(this, 'request', request, response));
    return true;
  };
  return () => {
    Server.prototype.emit = emit;
  };
}
