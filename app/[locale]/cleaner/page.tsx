import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CleanerTable } from '@/components/cleaner/cleaner-table';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly } from '@/lib/config';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { readDb, readRoute } from '@/lib/db/read';
import { cleanerColumnStarts } from '@/lib/domain/cleaner';
import { isLocale } from '@/lib/i18n/routing';
import { discardSummary } from '@/lib/queries/cleaner';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Cleaner' });
  return { title: t('title') };
}

/** GoodJob's Discard Cleaner: discarded jobs by class and by exception, over its time windows, with Retry / Destroy all. */
export default async function CleanerPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Cleaner');
  const now = new Date();
  const summary = await loadOrUnavailable(async () => discardSummary(await readDb(), now));
  if (isFault(summary)) return <DatabaseUnavailable busy={summary === BUSY} />;
  const shared = { exact: summary.exact, starts: cleanerColumnStarts(now), locale, actionsEnabled: !isReadOnly() };
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {summary.byClass.total[0] === 0 && !summary.truncated ? (
        <section className="card" aria-label={t('title')}>
          <p className="empty">{t('empty')}</p>
        </section>
      ) : (
        <>
          {summary.truncated ? (
            <p className="notice" data-testid="cleaner-truncated">
              {t('truncatedNote', { cap: summary.cap })}
            </p>
          ) : null}
          <CleanerTable kind="class" table={summary.byClass} {...shared} />
          <CleanerTable kind="exception" table={summary.byException} {...shared} />
        </>
      )}
    </>
  );
}
