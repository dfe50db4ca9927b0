// The plain-text answers the dashboard gives before any page renders — a refused head, a body too large or too slow,
// the dashboard too busy — in the language the browser prefers. One table for the production server's edge and for
// proxy.ts, so both say the same thing with the same status and headers.
import { REALM } from './auth';
import { SERVED_METHODS } from './gate';
import { negotiateLocale } from '../i18n/locale-path';
import { isLocale, type Locale } from '../i18n/routing';
import en from '../../messages/en.json';
import ja from '../../messages/ja.json';
import ko from '../../messages/ko.json';
import ru from '../../messages/ru.json';
import type { Refusal } from './head-check';

const MESSAGES = { en, ko, ja, ru } as const;

/** What the edge answers on its own, besides a refused head. */
export type EdgeAnswer = Refusal | { status: 408; reason: 'slowRequest' } | { status: 503; reason: 'dashboardBusy' };

export interface PlainAnswer {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** The NEXT_LOCALE cookie's locale, else the best match of Accept-Language. */
export function preferredLocale(headers: Headers): Locale {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(headers.get('cookie') ?? '')?.[1];
  return isLocale(cookie) ? cookie : negotiateLocale(headers.get('accept-language'));
}

/** The locale of the path's first segment (a page's own language), else the one the browser prefers. */
export function answerLocale(path: string, headers: Headers): Locale {
  const segment = path.split('/')[1];
  return isLocale(segment) ? segment : preferredLocale(headers);
}

/** A locale's messages, for an answer given outside a page (an export that cannot start, say). */
export const messagesFor = (locale: Locale) => MESSAGES[locale];

export function plainAnswer(answer: EdgeAnswer, locale: Locale): PlainAnswer {
  const page = MESSAGES[locale].ErrorPage;
  const line = (text: string) => `${answer.status} ${text}\n`;
  switch (answer.reason) {
    case 'unauthorized':
      return { status: 401, text: line(page.unauthorized), headers: { 'www-authenticate': `Basic realm="${REALM}", charset="UTF-8"` } };
    case 'badToken':
      return { status: 401, text: line(page.unauthorized), headers: { 'www-authenticate': `Bearer realm="${REALM}", error="invalid_token"` } };
    case 'misdirected':
      return { status: 421, text: line(page.misdirected), headers: {} };
    case 'method':
      return { status: 405, text: line(page.methodNotAllowed), headers: { allow: SERVED_METHODS.join(', ') } };
    case 'crossOrigin':
      return { status: 403, text: line(page.crossOrigin), headers: {} };
    case 'readOnly':
      return { status: 403, text: line(MESSAGES[locale].ActionResult.refused), headers: {} };
    case 'tooLarge':
      return { status: 413, text: line(page.tooLarge), headers: {} };
    case 'slowRequest':
      return { status: 408, text: line(page.slowRequest), headers: {} };
    case 'dashboardBusy':
      return { status: 503, text: `503 ${page.dashboardBusyTitle}\n${page.dashboardBusyBody}\n`, headers: { 'retry-after': '5' } };
  }
}
