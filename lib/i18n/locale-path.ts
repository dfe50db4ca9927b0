// Pure URL helpers for the proxy: GoodJob-style `?locale=` and unknown locale prefixes.
import { LOCALES, isLocale, type Locale } from './routing';

/** A first path segment that looks like a language tag (`fr`, `pt-BR`, `zh-Hant`). */
const LOCALE_LIKE = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})?$/i;

export type LocaleRouting =
  | { kind: 'redirect'; location: string }
  | { kind: 'unknownLocale' }
  /** A page path without a locale (`/batches/…`): the same page in the visitor's language. */
  | { kind: 'unprefixed' }
  | { kind: 'pass' };

/**
 * `?locale=ko` on any page goes to the same page in that locale (an unsupported value is ignored);
 * a path whose first segment looks like a locale we do not have is a 404.
 */
export function routeLocale(pathname: string, search: URLSearchParams): LocaleRouting {
  const segments = pathname.split('/');
  const first = segments[1] ?? '';
  const requested = search.get('locale');
  if (requested !== null) {
    const rest = new URLSearchParams(search);
    rest.delete('locale');
    const query = rest.size > 0 ? `?${rest.toString()}` : '';
    const tail = isLocale(first) ? segments.slice(2) : segments.slice(1);
    const path = tail.filter((s, i) => s !== '' || i < tail.length - 1).join('/');
    const base = isLocale(requested) ? requested : isLocale(first) ? first : null;
    if (base !== null) return { kind: 'redirect', location: `/${base}${path ? `/${path}` : ''}${query}` };
  }
  if (first === '' || isLocale(first)) return { kind: 'pass' };
  if (LOCALE_LIKE.test(first) && !KNOWN_SEGMENTS.has(first)) return { kind: 'unknownLocale' };
  return { kind: 'unprefixed' };
}

/** Unprefixed paths that are pages (redirected into a locale), not locale codes. */
const KNOWN_SEGMENTS = new Set(['jobs', 'api']);


export function negotiateLocale(acceptLanguage: string | null): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
    const match = LOCALES.find((l) => l === tag);
    if (match) return match;
  }
  return 'en';
}
