import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { negotiateLocale, routeLocale } from './lib/i18n/locale-path';
import { isReadOnly } from './lib/config';
import { isLocale, routing, type Locale } from './lib/i18n/routing';
import en from './messages/en.json';
import ja from './messages/ja.json';
import ko from './messages/ko.json';
import ru from './messages/ru.json';

const REFUSED: Record<Locale, string> = { en: en.ActionResult.refused, ko: ko.ActionResult.refused, ja: ja.ActionResult.refused, ru: ru.ActionResult.refused };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const cookieLocale = request.cookies.get('NEXT_LOCALE')?.value;
  const preferred = isLocale(cookieLocale) ? cookieLocale : negotiateLocale(request.headers.get('accept-language'));
  // Read-only: server actions refuse by themselves (with a localized message in the page); any other write is a 403.
  if (isReadOnly() && !SAFE_METHODS.has(request.method) && !request.headers.has('next-action')) {
    return new NextResponse(REFUSED[preferred], { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  if (pathname === '/' && !searchParams.has('locale')) {
    return NextResponse.redirect(new URL(`/${preferred}/batches`, request.url));
  }
  const route = routeLocale(pathname, searchParams);
  if (route.kind === 'redirect') return NextResponse.redirect(new URL(route.location, request.url));
  if (route.kind === 'unknownLocale') {
    // Answer 404 in the visitor's language rather than guessing a page under a locale we do not have.
    return NextResponse.rewrite(new URL(`/${preferred}/unknown-locale`, request.url));
  }
  return intl(request);
}

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
