import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatCompactCount } from '@/lib/domain/format';
import type { NavCounts } from '@/lib/read-models/nav-counts';
import { routes } from '@/lib/i18n/routes';

function Count({ value, tone = 'neutral', label }: { value: string; tone?: 'neutral' | 'warning' | 'danger'; label?: string }) {
  return (
    <span className={`nav-count nav-count-${tone}`} title={label}>
      {value}
    </span>
  );
}

/** The sections, each with its count once the counts are in (GoodJob's navbar: processes red at 0, pauses and disabled cron in yellow). */
export function NavLinks({ locale, counts }: { locale: string; counts: NavCounts | null }) {
  const t = useTranslations('Nav');
  const lang = useLocale();
  const bounded = (c: { value: number; estimated: boolean }) => formatCompactCount(c.value, c.estimated, lang);
  const plain = (n: number) => formatCompactCount(n, false, lang);
  return (
    // One box for the sections: on a wide screen it lays nothing out (display: contents); on a phone it is one row that
    // scrolls sideways by itself, so eight sections never push the page wider or take more than a row.
    <span className="nav-sections">
      <Link href={routes.batches(locale)}>
        {t('batches')}
        {counts ? <Count value={bounded(counts.batches)} /> : null}
      </Link>
      <Link href={routes.jobs(locale)}>
        {t('jobs')}
        {counts ? <Count value={bounded(counts.jobs)} /> : null}
      </Link>
      <Link href={routes.jobs(locale, { state: 'discarded' })} className="nav-discarded">
        {t('discarded')}
        {counts ? <Count value={bounded(counts.discarded)} tone={counts.discarded.value > 0 ? 'danger' : 'neutral'} /> : null}
      </Link>
      <Link href={routes.processes(locale)}>
        {t('processes')}
        {counts ? <Count value={plain(counts.processes)} tone={counts.processes === 0 ? 'danger' : 'neutral'} /> : null}
      </Link>
      <Link href={routes.performance(locale)}>{t('performance')}</Link>
      <Link href={routes.cleaner(locale)}>{t('cleaner')}</Link>
      <Link href={routes.cron(locale)}>
        {t('cron')}
        {counts ? <Count value={plain(counts.cronEnabled)} label={t('cronEnabledCount', { count: counts.cronEnabled })} /> : null}
        {counts && counts.cronDisabled > 0 ? <Count value={plain(counts.cronDisabled)} tone="warning" label={t('cronDisabledCount', { count: counts.cronDisabled })} /> : null}
      </Link>
      <Link href={routes.pauses(locale)}>
        {t('pauses')}
        {counts && counts.pauses > 0 ? <Count value={plain(counts.pauses)} tone="warning" /> : null}
      </Link>
    </span>
  );
}

/** The same links, once the counts (read apart from the page, cached a few seconds) have arrived. */
export async function NavLinksWithCounts({ locale, counts }: { locale: string; counts: Promise<NavCounts | null> }) {
  return <NavLinks locale={locale} counts={await counts} />;
}
