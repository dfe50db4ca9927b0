import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTimeZone, getTranslations, setRequestLocale } from 'next-intl/server';
import { Suspense, type ReactNode } from 'react';
import { HealthNotice } from '@/components/health-notice';
import { NavBar } from '@/components/nav-bar';
import { ActionAnnouncer } from '@/components/ui/action-announcer';
import { readDb } from '@/lib/db/read';
import { indexAdvice } from '@/lib/queries/health';
import { navCounts } from '@/lib/queries/nav-counts';
import { parseLive, parseTheme, PREFERENCE_COOKIES } from '@/lib/domain/preferences';
import { clientMessages } from '@/lib/i18n/client-messages';
import { isLocale, LOCALES } from '@/lib/i18n/routing';
import { optionalPart } from '@/lib/db/load';

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return { title: { default: t('title'), template: `%s · ${t('title')}` } };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const jar = await cookies();
  const preferences = {
    theme: parseTheme(jar.get(PREFERENCE_COOKIES.theme)?.value),
    live: parseLive(jar.get(PREFERENCE_COOKIES.live)?.value),
    timeZone: await getTimeZone(),
  };
  const messages = await getMessages();
  return (
    // The theme comes from a cookie, so the first paint already has it: no flash of the wrong theme.
    <html lang={locale} data-theme={preferences.theme}>
      <body>
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <NavBar locale={locale} preferences={preferences} counts={optionalPart('nav_counts', () => readDb().then((db) => navCounts(db)), null)} />
          <ActionAnnouncer>
            <main className="page" id="main" tabIndex={-1}>
              <Suspense fallback={null}>
                <HealthNotice advice={optionalPart('index_advice', () => readDb().then(indexAdvice), [])} />
              </Suspense>
              {children}
            </main>
          </ActionAnnouncer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
