import { describe, expect, it } from 'vitest';
import { negotiateLocale, routeLocale } from './locale-path';

const route = (url: string) => {
  const u = new URL(url, 'http://x');
  return routeLocale(u.pathname, u.searchParams);
};

describe('routeLocale', () => {
  it('turns ?locale= into the same page in that locale, keeping the other parameters', () => {
    expect(route('/ko/batches/abc?locale=ja&state=discarded')).toEqual({ kind: 'redirect', location: '/ja/batches/abc?state=discarded' });
    expect(route('/batches?locale=ru')).toEqual({ kind: 'redirect', location: '/ru/batches' });
    expect(route('/?locale=ko')).toEqual({ kind: 'redirect', location: '/ko' });
  });
  it('ignores an unsupported ?locale=', () => {
    expect(route('/ru/batches?locale=zz')).toEqual({ kind: 'redirect', location: '/ru/batches' });
  });
  it('answers 404 for a locale we do not have, and redirects pages without one', () => {
    expect(route('/fr/batches')).toEqual({ kind: 'unknownLocale' });
    expect(route('/zh-TW')).toEqual({ kind: 'unknownLocale' });
    expect(route('/batches/abc')).toEqual({ kind: 'unprefixed' });
    expect(route('/jobs')).toEqual({ kind: 'unprefixed' });
    expect(route('/en/batches')).toEqual({ kind: 'pass' });
    expect(route('/')).toEqual({ kind: 'pass' });
  });
});

describe('negotiateLocale', () => {
  it('takes the first supported language', () => {
    expect(negotiateLocale('fr-FR,ja;q=0.8,en;q=0.5')).toBe('ja');
    expect(negotiateLocale('ko-KR')).toBe('ko');
    expect(negotiateLocale('de')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
  });
});
