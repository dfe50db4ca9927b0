// The proxy (proxy.ts) as a list of small guards, in order: each looks at the request and either answers it
// (a NextResponse) or lets the next one look (null). The last one always answers: through to the app.
import { NextResponse, type NextRequest } from 'next/server';
import { isReadOnly } from '../config';
import { POSTED_COOKIE, POSTED_HEADER } from '../domain/action-result-url';
import { gateSettings } from '../env';
import { routeLocale } from '../i18n/locale-path';
import { isLocale, type Locale } from '../i18n/routing';
import en from '../../messages/en.json';
import ja from '../../messages/ja.json';
import ko from '../../messages/ko.json';
import ru from '../../messages/ru.json';
import { actionBodyProblem } from './action-body';
import { METRICS_PATH } from './gate';
import { headVerdict } from './head-check';
import { answerLocale, plainAnswer, preferredLocale } from './refusal';
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from './security-headers';
import { unavailablePage } from './unavailable-page';

const MESSAGES = { en, ko, ja, ru } as const;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What every guard of one request shares: its nonce and CSP, the browser's language, where a path of the app is. */
export interface ProxyContext {
  nonce: string;
  csp: string;
  preferred: Locale;
  /** `path` of the app (without the base path) as a URL of this request's origin. */
  at(path: string): URL;
  /** Whether the database pages read from answers now (lib/db/health.ts); a parameter so that tests need none. */
  databaseReachable(): Promise<boolean>;
}

export type Guard = (request: NextRequest, ctx: ProxyContext) => NextResponse | null | Promise<NextResponse | null>;

export function proxyContext(request: NextRequest, databaseReachable: () => Promise<boolean>, development = false): ProxyContext {
  const nonce = btoa(crypto.randomUUID());
  return {
    nonce,
    csp: contentSecurityPolicy(nonce, development),
    preferred: preferredLocale(request.headers),
    at: (path) => new URL(`${request.nextUrl.basePath}${path}`, request.url),
    databaseReachable,
  };
}

export function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new NextResponse(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...extra } });

/**
 * What the head alone decides (lib/edge/head-check.ts), as the production server's edge decided it before the body was
 * read: public reads (passed untouched), a metrics scrape's token, Host (421) and credentials (401) for every page, API
 * route and server action (actions check again themselves, lib/actions/authorize.ts), methods (405), a write from
 * another origin (403), the declared size (413), a non-action write while read-only (403).
 */
export const headGuard: Guard = (request, ctx) => {
  const verdict = headVerdict(request.method, request.nextUrl.pathname, request.headers, gateSettings(), isReadOnly());
  if (verdict.pass) return verdict.public ? NextResponse.next() : null;
  const answer = plainAnswer(verdict, answerLocale(request.nextUrl.pathname, request.headers));
  return withSecurityHeaders(plain(answer.status, answer.text, answer.headers), ctx.csp);
};

/** A server action's body that is not what Next would accept (lib/edge/action-body.ts): answered here, localized. */
export const actionBodyGuard: Guard = async (request, ctx) => {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return null;
  const problem = await actionBodyProblem(request);
  return problem === null ? null : withSecurityHeaders(plain(problem, `${problem} ${MESSAGES[ctx.preferred].ActionResult.invalid}`), ctx.csp);
};

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** A path that is not valid percent-encoding (`%E0%A4%A`) is nobody's page: a 404, before Next tries to decode it. */
export const undecodableGuard: Guard = (request, ctx) => {
  const { pathname } = request.nextUrl;
  if (decodable(pathname)) return null;
  const pathLocale = pathname.split('/')[1];
  return withSecurityHeaders(NextResponse.rewrite(ctx.at(`/${isLocale(pathLocale) ? pathLocale : ctx.preferred}/not-found`)), ctx.csp);
};

/** Locales: `/`, GoodJob-style `?locale=`, unprefixed paths and unknown locales (not for /api/… and /metrics). */
export const localeGuard: Guard = (request, ctx) => {
  const { pathname, searchParams, search } = request.nextUrl;
  if (pathname.startsWith('/api/') || pathname === METRICS_PATH) return null;
  if (pathname === '/' && !searchParams.has('locale')) return withSecurityHeaders(NextResponse.redirect(ctx.at(`/${ctx.preferred}/batches`)), ctx.csp);
  const route = routeLocale(pathname, searchParams);
  if (route.kind === 'redirect') {
    const response = NextResponse.redirect(ctx.at(route.location));
    const chosen = route.location.split('/')[1];
    if (isLocale(chosen)) response.cookies.set('NEXT_LOCALE', chosen, { path: '/', sameSite: 'lax', maxAge: 31_536_000 });
    return withSecurityHeaders(response, ctx.csp);
  }
  if (route.kind === 'unknownLocale') return withSecurityHeaders(NextResponse.rewrite(ctx.at(`/${ctx.preferred}/unknown-locale`)), ctx.csp);
  if (route.kind === 'unprefixed') return withSecurityHeaders(NextResponse.redirect(ctx.at(`/${ctx.preferred}${pathname}${search}`)), ctx.csp);
  return null;
};

/** A page while the database cannot be reached: a localized page with a real 503 (actions answer for themselves). */
export const databaseGuard: Guard = async (request, ctx) => {
  const locale = request.nextUrl.pathname.split('/')[1];
  if (!SAFE_METHODS.has(request.method) || !isLocale(locale) || (await ctx.databaseReachable())) return null;
  const m = MESSAGES[locale];
  const html = unavailablePage(locale, { title: m.ErrorPage.unavailableTitle, body: m.ErrorPage.unavailableBody, retry: m.ErrorPage.tryAgain, brand: m.Nav.brand });
  return withSecurityHeaders(new NextResponse(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'Retry-After': '5' } }), ctx.csp);
};

/**
 * Through to the app, with this request's nonce. A job action posted without JavaScript left its result in a one-time
 * cookie for this page: handed over once, then deleted. The header is only ever the proxy's: a client's own is dropped.
 */
export const passThrough: Guard = (request, ctx) => {
  const headers = new Headers(request.headers);
  headers.set('x-nonce', ctx.nonce);
  headers.set('Content-Security-Policy', ctx.csp);
  headers.delete(POSTED_HEADER);
  const posted = request.method === 'GET' ? request.cookies.get(POSTED_COOKIE)?.value : undefined;
  if (posted !== undefined) headers.set(POSTED_HEADER, posted);
  const response = NextResponse.next({ request: { headers } });
  if (posted !== undefined) response.cookies.set(POSTED_COOKIE, '', { path: `${request.nextUrl.basePath}${request.nextUrl.pathname}`, maxAge: 0, httpOnly: true, sameSite: 'lax' });
  return withSecurityHeaders(response, ctx.csp);
};

/** The guards in the order the proxy asks them. */
export const PROXY_GUARDS: readonly Guard[] = [headGuard, actionBodyGuard, undecodableGuard, localeGuard, databaseGuard, passThrough];

/** The first answer of `guards` (the last one always answers). */
export async function runGuards(request: NextRequest, ctx: ProxyContext, guards: readonly Guard[] = PROXY_GUARDS): Promise<NextResponse> {
  for (const guard of guards) {
    const response = await guard(request, ctx);
    if (response !== null) return response;
  }
  throw new Error('the last guard must answer');
}
