import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { NavBar } from '@/components/nav-bar';
import { ActionAnnouncer } from '@/components/ui/action-announcer';
import { isLocale, LOCALES } from '@/lib/i18n/routing';

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
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <NavBar locale={locale} />
          <ActionAnnouncer>
            <main className="page" id="main">
              {children}
            </main>
          </ActionAnnouncer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
