'use client';

import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { LOCALES, type Locale } from '@/lib/i18n/routing';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어', ja: '日本語', ru: 'Русский' };

/** Links to the same page, with the same filters, in each language (the proxy turns `?locale=` into the path). */
export function LocaleSwitcher({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  return (
    <span className="nav-locales" role="group" aria-label={label}>
      {LOCALES.map((locale) => {
        const query = new URLSearchParams(search.toString());
        query.set('locale', locale);
        return (
          // A full navigation (no prefetch): the proxy answers `?locale=` with a redirect to that locale's page.
          <Link
            key={locale}
            href={`${pathname}?${query.toString()}`}
            prefetch={false}
            lang={locale}
            hrefLang={locale}
            aria-current={locale === current ? 'true' : undefined}
          >
            {LANGUAGE_NAMES[locale]}
          </Link>
        );
      })}
    </span>
  );
}
