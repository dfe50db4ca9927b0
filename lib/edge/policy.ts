// What the production server's edge (lib/edge/edge.mjs) asks the app about a request: the edge is plain
// JavaScript that runs before Next, this is the app's own TypeScript rules (head-check.ts, refusal.ts) bundled with
// it. instrumentation.ts publishes one policy when the server prepares; the edge takes it from there.
import type { IncomingHttpHeaders } from 'node:http';
import { isReadOnly } from '../config';
import { STATIC_SECURITY_HEADERS } from './security-headers';
import { headVerdict, MAX_BODY_BYTES } from './head-check';
import { answerLocale, plainAnswer, type EdgeAnswer, type PlainAnswer } from './refusal';
import { BASE_PATH } from '../base-path';
import { gateSettings } from '../env';

export interface EdgePolicy {
  /** The answer for a request its head already refuses, or null when it may go on (its body, if any, read next). */
  head(method: string, url: string, headers: IncomingHttpHeaders): PlainAnswer | null;
  /** What the edge answers on its own: a body too large or too slow, the dashboard too busy. */
  answer(reason: Extract<EdgeAnswer['reason'], 'tooLarge' | 'slowRequest' | 'dashboardBusy'>, url: string, headers: IncomingHttpHeaders): PlainAnswer;
  maxBodyBytes: number;
}

/** Node's header record as fetch Headers; a value fetch would refuse is left out (the gate then sees no such header). */
export function fetchHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      try {
        headers.append(name, one);
      } catch {
        // not a ByteString: dropped
      }
    }
  }
  return headers;
}

/** The path of a request target (`/a/b?c`, or absolute-form `http://h/a/b`) without the base path and the query. */
export function pathOf(url: string, basePath: string): string {
  let path = url.split(/[?#]/)[0] ?? '/';
  if (!path.startsWith('/')) {
    try {
      path = new URL(url).pathname;
    } catch {
      return path;
    }
  }
  if (basePath !== '' && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || '/';
  return path;
}

/** The edge's plain answers carry the security headers every response has; a text needs no script, style or frame. */
const secured = (answer: PlainAnswer): PlainAnswer => ({
  ...answer,
  headers: { ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'", ...answer.headers },
});

export function createEdgePolicy(env: Record<string, string | undefined> = gateSettings(), basePath = BASE_PATH): EdgePolicy {
  return {
    head(method, url, raw) {
      const headers = fetchHeaders(raw);
      const path = pathOf(url, basePath);
      const verdict = headVerdict(method, path, headers, env, isReadOnly());
      return verdict.pass ? null : secured(plainAnswer(verdict, answerLocale(path, headers)));
    },
    answer(reason, url, raw) {
      const headers = fetchHeaders(raw);
      const answer: EdgeAnswer = reason === 'tooLarge' ? { status: 413, reason } : reason === 'slowRequest' ? { status: 408, reason } : { status: 503, reason };
      return secured(plainAnswer(answer, answerLocale(pathOf(url, basePath), headers)));
    },
    maxBodyBytes: MAX_BODY_BYTES,
  };
}
