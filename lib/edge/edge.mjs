// The edge of the production server, between the socket and Next's request handler (scripts/server/serve.mjs, under
// `npm start` and in the container alike): what the app may believe about the client, what a request's head alone
// refuses, how its body is read, how many requests render at once, and the HTTP status a page asked for.
import { AsyncLocalStorage } from 'node:async_hooks';
import { PassThrough } from 'node:stream';
import { createLoadShedder, isCheap } from './load-shedding.mjs';
import { log as writeLog } from './log.mjs';

/** Methods the Fetch API refuses to build a Request with: renamed so that the gate can answer them (401, then 405). */
const FORBIDDEN_BY_FETCH = new Set(['TRACE', 'TRACK']);
const FORWARDED = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-real-ip', 'forwarded'];
/** Where lib/response-status.ts finds the request's override record. */
const OVERRIDES = Symbol.for('goodjob-dashboard.response-override');
const noop = () => undefined;

/** Whether a body follows the head (a positive Content-Length or any Transfer-Encoding). */
export function bodyFollows(req) {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length.trim() !== '0';
}

/**
 * Reads a request's whole body, at most `limit` bytes within `timeoutMs`: `{ kind: 'body', body }`, or `tooLarge`,
 * `slowRequest` (it stops reading then), or `gone` (the client left).
 */
export function readBody(req, limit, timeoutMs) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      if (result.kind !== 'body') req.pause();
      resolve(result);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) finish({ kind: 'tooLarge' });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'body', body: Buffer.concat(chunks, size) });
    const onClose = () => finish({ kind: 'gone' });
    const timer = setTimeout(() => finish({ kind: 'slowRequest' }), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}

/**
 * Gives `req` a body already read, so that Next reads it as if it came from the socket: the same replacement Next
 * itself makes once its proxy has read a body (next/dist/server/body-streams.js, replaceRequestBody) — this one
 * request's stream fields, no prototype.
 */
export function replaceBody(req, body) {
  const stream = new PassThrough();
  stream.end(body);
  for (const key in stream) {
    const value = stream[key];
    req[key] = typeof value === 'function' ? value.bind(req) : value;
  }
  req.on('error', noop);
}

/**
 * Returns `edge(req, res, handle)`, which passes one request to `handle` (Next's handler) or answers it itself.
 * - The forwarded headers a client sent are dropped and X-Forwarded-For is the peer's address, unless
 *   DASHBOARD_TRUST_PROXY=1 says a proxy in front writes them (`next start` keeps a client's own X-Forwarded-For).
 * - `policy.head` (lib/edge/policy.ts) decides on the head alone: Host, credentials, method, origin, declared size. A
 *   refusal is answered at once, and the connection closed when a body is still coming — never read.
 * - A body is read at the edge, at most `policy.maxBodyBytes` within DASHBOARD_BODY_TIMEOUT_MS (413 / 408), before
 *   the request asks for a render slot: a request waiting for its body holds none.
 * - At most DASHBOARD_MAX_CONCURRENCY requests render at once (load-shedding.mjs), each until its response's head is
 *   written (a stream gives its slot back as it starts) or its connection closes; one the queue turns away gets a
 *   localized 503 "the dashboard is busy".
 * - A page sets its status through lib/response-status.ts: applied when the response's head is written.
 */
export function createEdge({ policy, settings, trustProxy = false, log = writeLog }) {
  const overrides = new AsyncLocalStorage();
  globalThis[OVERRIDES] = overrides;
  const admission = createLoadShedder({
    concurrency: settings.DASHBOARD_MAX_CONCURRENCY,
    queueLimit: settings.DASHBOARD_MAX_QUEUE,
    waitMs: settings.DASHBOARD_QUEUE_WAIT_MS,
  });

  /** A plain answer of the edge's own; the connection closes after it when the client may still be sending. */
  function answer(req, res, { status, text, headers }, closing) {
    if (res.headersSent || res.destroyed) return;
    const head = { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (closing) head.connection = 'close';
    res.writeHead(status, head);
    res.end(text);
  }

  function serve(req, res, handle, slot) {
    const override = { status: null, retryAfterSeconds: null };
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadWithOverride(statusCode, ...rest) {
      slot.release();
      if (override.status === null) return writeHead.call(this, statusCode, ...rest);
      if (override.retryAfterSeconds !== null) this.setHeader('Retry-After', String(override.retryAfterSeconds));
      return writeHead.call(this, override.status, ...rest.filter((arg) => typeof arg !== 'string'));
    };
    const failed = (error) => {
      log('error', 'request_failed', { error });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    };
    try {
      Promise.resolve(overrides.run(override, () => handle(req, res))).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  function admitted(req, res, handle) {
    if (isCheap(req.url)) return serve(req, res, handle, { release: noop });
    admission.enqueue({
      start: (release) => {
        res.on('close', release);
        serve(req, res, handle, { release });
      },
      refuse: () => answer(req, res, policy.answer('dashboardBusy', req.url, req.headers), false),
      gone: () => res.destroyed || req.socket.destroyed,
    });
  }

  const edge = function edge(req, res, handle) {
    // A client that gives up mid-request ('aborted', ECONNRESET) is not the server's error: never an uncaughtException.
    req.on('error', noop);
    res.on('error', noop);
    if (FORBIDDEN_BY_FETCH.has(req.method ?? '')) req.method = `UNSUPPORTED-${req.method}`;
    if (!trustProxy) {
      for (const name of FORWARDED) delete req.headers[name];
      const peer = req.socket.remoteAddress;
      if (peer) req.headers['x-forwarded-for'] = peer.replace(/^::ffff:/, '');
    }
    const withBody = bodyFollows(req);
    const refusal = policy.head(req.method ?? 'GET', req.url ?? '/', req.headers);
    if (refusal !== null) return answer(req, res, refusal, withBody);
    if (!withBody) return admitted(req, res, handle);
    readBody(req, policy.maxBodyBytes, settings.DASHBOARD_BODY_TIMEOUT_MS).then((read) => {
      if (read.kind === 'gone') return;
      if (read.kind !== 'body') return answer(req, res, policy.answer(read.kind, req.url, req.headers), true);
      replaceBody(req, read.body);
      admitted(req, res, handle);
    });
  };
  edge.admission = admission;
  return edge;
}
