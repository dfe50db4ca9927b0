// What a request's head alone decides: whether it may pass, or the refusal it gets before a byte of its body is read.
// Pure: method, path, headers and settings in. The production server's edge (lib/edge/edge.mjs) asks it as soon
// as the headers have arrived, so a request that will be refused never waits for — or holds memory for — its body;
// proxy.ts asks it again (under `next dev` it is the only one that does).
import { ACTION_BODY_LIMIT } from './action-body';
import { callerVerdict, isPublicRequest, isServedMethod, metricsTokenVerdict, originMismatch } from './gate';

type Env = Record<string, string | undefined>;

export type Refusal =
  | { status: 401; reason: 'unauthorized' | 'badToken' }
  | { status: 403; reason: 'crossOrigin' | 'readOnly' }
  | { status: 405; reason: 'method' }
  | { status: 413; reason: 'tooLarge' }
  | { status: 421; reason: 'misdirected' };

export type HeadVerdict = { pass: true; public: boolean } | ({ pass: false } & Refusal);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The largest body any request may carry: a server action's (Next's default `serverActions.bodySizeLimit`). */
export const MAX_BODY_BYTES = ACTION_BODY_LIMIT;

/** Whether a body follows the head: a positive Content-Length or any Transfer-Encoding. */
export function announcesBody(headers: Headers): boolean {
  if (headers.has('transfer-encoding')) return true;
  const length = headers.get('content-length');
  return length !== null && length.trim() !== '0';
}

/** The declared length, or null when there is none (chunked) or it is not a number (Node refuses those itself). */
function declaredLength(headers: Headers): number | null {
  const value = headers.get('content-length');
  return value !== null && /^\d+$/.test(value.trim()) ? Number(value) : null;
}

const refuse = (refusal: Refusal): HeadVerdict => ({ pass: false, ...refusal });

/**
 * In order: the public reads (static files, favicon, probes; they take no body at all), a metrics scrape's token, the
 * Host (421, DNS rebinding) and credentials (401), the method (405), the origin of any write (403: a cross-origin
 * post, with or without `Next-Action`, whatever its body), the declared size (413), and, read-only, any write that is
 * not a server action (those refuse by themselves, in the page).
 */
export function headVerdict(method: string, pathname: string, headers: Headers, env: Env, readOnly: boolean): HeadVerdict {
  const body = announcesBody(headers);
  if (isPublicRequest(pathname, method, headers)) return body ? refuse({ status: 413, reason: 'tooLarge' }) : { pass: true, public: true };
  const scrape = metricsTokenVerdict(pathname, method, headers, env);
  if (scrape === 'admit') return body ? refuse({ status: 413, reason: 'tooLarge' }) : { pass: true, public: true };
  if (scrape === 'reject') return refuse({ status: 401, reason: 'badToken' });

  const verdict = callerVerdict(headers, env);
  if (!verdict.ok) return verdict.status === 421 ? refuse({ status: 421, reason: 'misdirected' }) : refuse({ status: 401, reason: 'unauthorized' });

  const upper = method.toUpperCase();
  if (!isServedMethod(upper)) return refuse({ status: 405, reason: 'method' });
  if (!SAFE_METHODS.has(upper) && originMismatch(headers, env)) return refuse({ status: 403, reason: 'crossOrigin' });
  if (body && (declaredLength(headers) ?? 0) > MAX_BODY_BYTES) return refuse({ status: 413, reason: 'tooLarge' });
  if (readOnly && !SAFE_METHODS.has(upper) && !headers.has('next-action')) return refuse({ status: 403, reason: 'readOnly' });
  return { pass: true, public: false };
}
