import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CronKeyHeader } from '@/components/cron/cron-key-header';
import { JobsResults } from '@/components/jobs/jobs-results';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly, pausesMode } from '@/lib/config';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable } from '@/lib/db/load';
import { EMPTY_JOB_FILTER } from '@/lib/domain/job-filter';
import { pageRequestFrom } from '@/lib/domain/paging';
import { pauseMarking } from '@/lib/domain/settings';
import { nameFromPath } from '@/lib/domain/url';
import { isLocale } from '@/lib/i18n/routing';
import { getCronEntry } from '@/lib/queries/cron';
import { loadJobsPage } from '@/lib/queries/jobs-page';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { routes } from '@/lib/i18n/routes';

type Props = { params: Promise<{ locale: string; cronKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { locale, cronKey } = await params;
  const key = nameFromPath(cronKey);
  if (!isLocale(locale) || key === null) return {};
  const t = await getTranslations({ locale, namespace: 'Cron' });
  return { title: t('keyTitle', { key }) };
}

export default async function CronKeyPage({ params, searchParams }: Props) {
  const { locale, cronKey } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const key = nameFromPath(cronKey);
  if (key === null) notFound();
  const t = await getTranslations('Cron');
  const now = new Date();
  const filter = { ...EMPTY_JOB_FILTER, cronKey: key };
  const request = pageRequestFrom(await searchParams);
  const db = await readDb();
  const data = await loadOrUnavailable(async () => {
    const entry = await getCronEntry(db, key, now);
    return entry === null ? null : { entry, jobs: await loadJobsPage(db, filter, request, now) };
  });
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  if (data === null) notFound();
  const { entry, jobs } = data;
  const actionsEnabled = !isReadOnly();
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <CronKeyHeader cronKey={key} entry={entry} locale={locale} actionsEnabled={actionsEnabled} />
      <h2>{t('jobs')}</h2>
      <JobsResults result={jobs.result} filter={filter} basePath={routes.cronKey(locale, key)} locale={locale} now={now} actionsEnabled={actionsEnabled} pausing={pauseMarking(jobs.pauses, pausesMode())} selectable={false} actionsPath={routes.cron(locale)} />
    </>
  );
}
