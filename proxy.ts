import { NextResponse, type NextRequest } from 'next/server';
import { isReadOnly } from './lib/config';
import { databaseReachable } from './lib/db/health';
import { unavailablePage } from './lib/edge/unavailable-page';
import { actionBodyProblem } from './lib/edge/action-body';
import { POSTED_COOKIE, POSTED_HEADER } from './lib/domain/action-result-url';
import { METRICS_PATH } from './lib/edge/gate';
import { headVerdict } from './lib/edge/head-check';
import { answerLocale, plainAnswer, preferredLocale } from './lib/edge/refusal';
import { routeKind } from './lib/domain/metric-labels';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from './lib/edge/security-headers';
import { routeLocale } from './lib/i18n/locale-path';
import { isLocale, type Locale } from './lib/i18n/routing';
import { countHttpRequest } from './lib/metrics/dashboard-metrics';
import en from './messages/en.json';
import ja from './messages/ja.json';
import ko from './messages/ko.json';
import ru from './messages/ru.json';
import { gateSettings } from './lib/env';

const MESSAGES = { en, ko, ja, ru } as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function plain(status: number, text: string, extra: Record<string, string> = {}) {
  return new NextResponse(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...extra } });
}

export default async function proxy(request: NextRequest) {
  const { pathname, searchParams, basePath } = request.nextUrl;
  const preferred: Locale = preferredLocale(request.headers);
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const at = (path: string) => new URL(`${basePath}${path}`, request.url);
  // Every request, refused ones too (dashboard_http_requests_total): its method and kind of route, never its path.
  countHttpRequest(request.method, routeKind(pathname, request.method, request.headers));

  // 0–2. What the head alone decides (lib/edge/head-check.ts), as the production server's edge decided it before the
  //      body was read: public reads, a metrics scrape's token, Host (421) and credentials (401) for every page, API
  //      route and server action (actions check again themselves, lib/actions/authorize.ts), methods (405), a write from
  //      another origin (403), the declared size (413), a non-action write while read-only (403).
  const verdict = headVerdict(request.method, pathname, request.headers, gateSettings(), isReadOnly());
  if (!verdict.pass) {
    const answer = plainAnswer(verdict, answerLocale(pathname, request.headers));
    return withSecurityHeaders(plain(answer.status, answer.text, answer.headers), csp);
  }
  if (verdict.public) return NextResponse.next();
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const problem = await actionBodyProblem(request);
    if (problem !== null) return withSecurityHeaders(plain(problem, `${problem} ${MESSAGES[preferred].ActionResult.invalid}`), csp);
  }

  // 3. Locales: `/`, GoodJob-style `?locale=`, unprefixed paths and unknown locales (not for /api/… and /metrics). A
  //    path that is not valid percent-encoding (`%E0%A4%A`) is nobody's page: a 404, before Next tries to decode it.
  if (!decodable(pathname)) {
    const pathLocale = pathname.split('/')[1];
    return withSecurityHeaders(NextResponse.rewrite(at(`/${isLocale(pathLocale) ? pathLocale : preferred}/not-found`)), csp);
  }
  if (!pathname.startsWith('/api/') && pathname !== METRICS_PATH) {
    if (pathname === '/' && !searchParams.has('locale')) return withSecurityHeaders(NextResponse.redirect(at(`/${preferred}/batches`)), csp);
    const route = routeLocale(pathname, searchParams);
    if (route.kind === 'redirect') {
      const response = NextResponse.redirect(at(route.location));
      const chosen = route.location.split('/')[1];
      if (isLocale(chosen)) response.cookies.set('NEXT_LOCALE', chosen, { path: '/', sameSite: 'lax', maxAge: 31_536_000 });
      return withSecurityHeaders(response, csp);
    }
    if (route.kind === 'unknownLocale') return withSecurityHeaders(NextResponse.rewrite(at(`/${preferred}/unknown-locale`)), csp);
    if (route.kind === 'unprefixed') return withSecurityHeaders(NextResponse.redirect(at(`/${preferred}${pathname}${request.nextUrl.search}`)), csp);
  }

  // 4. A page while the database cannot be reached: a localized page with a real 503 (actions answer for themselves).
  const locale = pathname.split('/')[1];
  if (SAFE_METHODS.has(request.method) && isLocale(locale) && !(await databaseReachable())) {
    const m = MESSAGES[locale];
    const html = unavailablePage(locale, { title: m.ErrorPage.unavailableTitle, body: m.ErrorPage.unavailableBody, retry: m.ErrorPage.tryAgain, brand: m.Nav.brand });
    return withSecurityHeaders(new NextResponse(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'Retry-After': '5' } }), csp);
  }

  // 5. Through to the app, with this request's nonce.
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  // A job action posted without JavaScript left its result in a one-time cookie for this page: handed over once,
  // then deleted. The header is only ever the proxy's: a client's own is dropped.
  headers.delete(POSTED_HEADER);
  const posted = request.method === 'GET' ? request.cookies.get(POSTED_COOKIE)?.value : undefined;
  if (posted !== undefined) headers.set(POSTED_HEADER, posted);
  const response = NextResponse.next({ request: { headers } });
  if (posted !== undefined) response.cookies.set(POSTED_COOKIE, '', { path: `${basePath}${pathname}`, maxAge: 0, httpOnly: true, sameSite: 'lax' });
  return withSecurityHeaders(response, csp);
}

// Every request: what may pass without sign-in is decided above, by exact paths, not by a matcher's prefix.
export const config = {
  matcher: ['/:path*'],
};
