import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Suspense } from 'react';
import type { Theme } from '@/lib/domain/preferences';
import type { Locale } from '@/lib/i18n/routing';
import type { NavCounts } from '@/lib/read-models/nav-counts';
import { NavLinks, NavLinksWithCounts } from './nav-links';
import { LiveUpdates } from './preferences/live-updates';
import { LocaleSwitcher } from './preferences/locale-switcher';
import { ThemeSwitch } from './preferences/theme-switch';
import { TimeZoneSwitch } from './preferences/time-zone-switch';
import { routes } from '@/lib/i18n/routes';

export interface DisplayPreferences {
  theme: Theme;
  timeZone: string;
  live: boolean;
}

export function NavBar({ locale, preferences, counts }: { locale: Locale; preferences: DisplayPreferences; counts: Promise<NavCounts | null> }) {
  const t = useTranslations('Nav');
  return (
    <header className="nav">
      <a href="#main" className="skip-link">
        {t('skip')}
      </a>
      <nav aria-label={t('main')} className="nav-inner">
        <Link href={routes.batches(locale)} className="nav-brand">
          {t('brand')}
        </Link>
        <Suspense fallback={<NavLinks locale={locale} counts={null} />}>
          <NavLinksWithCounts locale={locale} counts={counts} />
        </Suspense>
        <span className="nav-spacer" />
        <Suspense fallback={<span className="nav-locales" />}>
          <LocaleSwitcher current={locale} label={t('language')} />
        </Suspense>
      </nav>
      {/* On a phone the settings fold into a menu; on a wide screen the CSS shows them as a row with no summary. */}
      <details className="nav-menu">
        <summary>{t('settingsMenu')}</summary>
        <div className="nav-settings" role="group" aria-label={t('settings')}>
          <LiveUpdates initial={preferences.live} />
          <TimeZoneSwitch initial={preferences.timeZone} />
          <ThemeSwitch initial={preferences.theme} />
        </div>
      </details>
    </header>
  );
}
