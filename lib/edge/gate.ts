// The gate every request passes (proxy.ts) and every server action re-checks (lib/actions/authorize.ts): which paths
// are public, which Host names the dashboard answers to, which methods it serves. Pure: headers and settings in.
import { isLoopbackHost } from './guard.mjs';
import { isOn } from '../config';
import { authenticate, credentialsFrom, safeEqual } from './auth';

type Env = Record<string, string | undefined>;

/**
 * The only requests answered without credentials: reading (GET, HEAD, no `Next-Action`) the built static files, the
 * favicon or the health endpoints, by exact, end-anchored paths. Everything else — whatever its prefix, method or
 * `Next-Action` header — needs sign-in when it is on: Next renders pages (and runs server actions) for paths under
 * `/_next/static/` that are no file. `pathname` is without the base path.
 */
export function isPublicRequest(pathname: string, method: string, headers: Headers): boolean {
  if (!['GET', 'HEAD'].includes(method.toUpperCase()) || headers.has('next-action')) return false;
  return /^\/_next\/static\/[^/]/.test(pathname) || pathname === '/favicon.ico' || isHealthPath(pathname);
}

/** Load balancers' and Kubernetes' probes: no sign-in, no Host check, no locale. */
export function isHealthPath(pathname: string): boolean {
  return pathname === '/healthz' || pathname === '/readyz';
}

/** Prometheus' scrape path (app/metrics/route.ts), without the base path. */
export const METRICS_PATH = '/metrics';

export type MetricsTokenVerdict = 'admit' | 'reject' | 'gate';

/**
 * A scrape with DASHBOARD_METRICS_TOKEN set: `GET /metrics` (no `Next-Action`) with `Authorization: Bearer <token>` is
 * admitted without sign-in and without the Host check (`admit`); a Bearer with another token is refused (`reject`:
 * 401 with `WWW-Authenticate: Bearer`). Anything else — no token configured, another path or method, Basic or no
 * credentials — takes the normal gate (`gate`: callerVerdict() below). Server actions never get here (POST), and their own
 * check (lib/actions/authorize.ts) knows no Bearer token.
 */
export function metricsTokenVerdict(pathname: string, method: string, headers: Headers, env: Env): MetricsTokenVerdict {
  const token = (env.DASHBOARD_METRICS_TOKEN ?? '').trim();
  if (token === '' || pathname !== METRICS_PATH || method.toUpperCase() !== 'GET' || headers.has('next-action')) return 'gate';
  const bearer = /^Bearer(?:\s+(.*))?$/i.exec((headers.get('authorization') ?? '').trim());
  if (!bearer) return 'gate';
  return safeEqual((bearer[1] ?? '').trim(), token) ? 'admit' : 'reject';
}

/** The methods the dashboard serves (pages, server actions, their preflight); any other gets 405. */
export const SERVED_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;
export const isServedMethod = (method: string) => (SERVED_METHODS as readonly string[]).includes(method.toUpperCase());

/** The host name of a `Host` value (`name:port`, `[::1]:3000`), lower-cased, without the port; null if malformed. */
export function hostnameOf(host: string | null | undefined): string | null {
  const value = (host ?? '').trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::\d{1,5})?$/.exec(value);
  if (!match) return null;
  return match[1]!.replace(/^\[|\]$/g, '');
}

/** DASHBOARD_ALLOWED_HOSTS: host names (no ports) separated by commas or spaces. */
export function allowedHostsFrom(env: Env): string[] {
  return (env.DASHBOARD_ALLOWED_HOSTS ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, ''))
    .filter((h) => h !== '');
}

export const trustsProxy = (env: Env) => isOn(env.DASHBOARD_TRUST_PROXY);

/** The `host[:port]` the client addressed: the raw `Host`, or the first `X-Forwarded-Host` hop behind a trusted proxy. */
function addressedHost(headers: Headers, env: Env): string | null {
  const forwarded = trustsProxy(env) ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded ?? headers.get('host');
}

/**
 * Whether the Host the browser addressed is one the dashboard answers to. Against DNS rebinding: with sign-in off the
 * check is always on (loopback names, plus DASHBOARD_ALLOWED_HOSTS); with sign-in on, only when
 * DASHBOARD_ALLOWED_HOSTS is set. The raw `Host` counts; `X-Forwarded-Host` only with DASHBOARD_TRUST_PROXY=1.
 */
export function hostAllowed(headers: Headers, env: Env): boolean {
  const allowed = allowedHostsFrom(env);
  if (credentialsFrom(env) !== null && allowed.length === 0) return true;
  const hostname = hostnameOf(addressedHost(headers, env));
  if (hostname === null) return false;
  // The same rule `npm start` uses for the address it listens on (127.0.0.0/8, localhost, ::1).
  return isLoopbackHost(hostname) || allowed.includes(hostname);
}

export type GateVerdict = { ok: true; user: string | null } | { ok: false; status: 401 | 421 };

/** Host, then credentials: what a request that reached a page or an action must pass. */
export function callerVerdict(headers: Headers, env: Env): GateVerdict {
  if (!hostAllowed(headers, env)) return { ok: false, status: 421 };
  const credentials = credentialsFrom(env);
  if (credentials === null) return { ok: true, user: null };
  const user = authenticate(headers.get('authorization'), credentials);
  return user === null ? { ok: false, status: 401 } : { ok: true, user };
}

/**
 * A write sent from another origin: its `Origin` names another host than the one addressed (what Next's own check
 * compares for a server action, and answers with a bare 500). Whether or not it carries `Next-Action` — a form posted
 * without JavaScript does not — it is refused with 403 before it reaches Next. No `Origin` (a non-browser client) is
 * left to the other checks.
 */
export function originMismatch(headers: Headers, env: Env): boolean {
  const origin = headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host !== (addressedHost(headers, env) ?? '').toLowerCase();
  } catch {
    return true; // `Origin: null` (a sandboxed frame, a file) or garbage
  }
}
