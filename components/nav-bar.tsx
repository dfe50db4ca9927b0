import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { LOCALES, type Locale } from '@/lib/i18n/routing';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어', ja: '日本語', ru: 'Русский' };

export function NavBar({ locale }: { locale: Locale }) {
  const t = useTranslations('Nav');
  return (
    <header className="nav">
      <nav aria-label={t('main')} className="nav-inner">
        <Link href={`/${locale}/batches`} className="nav-brand">
          {t('brand')}
        </Link>
        <Link href={`/${locale}/batches`}>{t('batches')}</Link>
        <span className="nav-spacer" />
        <span className="nav-locales" role="group" aria-label={t('language')}>
          {LOCALES.map((l) => (
            <a key={l} href={`?locale=${l}`} lang={l} hrefLang={l} aria-current={l === locale ? 'true' : undefined}>
              {LANGUAGE_NAMES[l]}
            </a>
          ))}
        </span>
      </nav>
    </header>
  );
}
