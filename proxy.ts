// Every request passes here before the app: the guards of lib/edge/proxy-guards.ts, in order — the head's refusals,
// an action's body, undecodable paths, locale routing, the database probe, then through with a nonce.
import type { NextRequest } from 'next/server';
import { databaseReachable } from './lib/db/health';
import { routeKind } from './lib/telemetry/metric-labels';
import { proxyContext, runGuards } from './lib/edge/proxy-guards';
import { countHttpRequest } from './lib/telemetry/dashboard-metrics';

export default async function proxy(request: NextRequest) {
  // Every request, refused ones too (dashboard_http_requests_total): its method and kind of route, never its path.
  countHttpRequest(request.method, routeKind(request.nextUrl.pathname, request.method, request.headers));
  return runGuards(request, proxyContext(request, databaseReachable, process.env.NODE_ENV !== 'production'));
}

// Every request: what may pass without sign-in is decided by the guards, by exact paths, not by a matcher's prefix.
export const config = {
  matcher: ['/:path*'],
};
