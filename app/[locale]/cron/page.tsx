import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CronTable } from '@/components/cron/cron-table';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly } from '@/lib/config';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { isLocale } from '@/lib/i18n/routing';
import { listCronEntries } from '@/lib/queries/cron';
import { ReadSourceNotice } from '@/components/read-source-notice';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Cron' });
  return { title: t('title') };
}

export default async function CronPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('Cron');
  const now = new Date();
  const entries = await loadOrUnavailable(async () => listCronEntries(await readDb(), now));
  if (isFault(entries)) return <DatabaseUnavailable busy={entries === BUSY} />;
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <section className="card" aria-label={t('title')}>
        {entries.length === 0 ? <p className="empty">{t('empty')}</p> : <CronTable entries={entries} locale={locale} now={now} actionsEnabled={!isReadOnly()} />}
      </section>
    </>
  );
}
