import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { negotiateLocale, routeLocale } from './lib/i18n/locale-path';
import { isLocale, routing } from './lib/i18n/routing';

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const cookieLocale = request.cookies.get('NEXT_LOCALE')?.value;
  const preferred = isLocale(cookieLocale) ? cookieLocale : negotiateLocale(request.headers.get('accept-language'));
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
