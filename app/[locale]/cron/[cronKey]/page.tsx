import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CronActions } from '@/components/cron/cron-actions';
import { CronStateBadge } from '@/components/cron/cron-state-badge';
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
      <header className="page-header">
        <p>
          <Link href={routes.cron(locale)} className="back-link">
            ← {t('back')}
          </Link>
        </p>
        <div className="title-row">
          <h1>
            <span className="job-class">{key}</span>
          </h1>
          <CronStateBadge state={entry.enabled} />
          {actionsEnabled ? <CronActions cronKey={key} jobClass={entry.last.job_class ?? ''} enabled={entry.enabled} /> : null}
        </div>
        <dl className="facts" data-testid="cron-facts">
          <div>
            <dt>{t('jobClass')}</dt>
            <dd className="mono">{entry.last.job_class}</dd>
          </div>
          <div>
            <dt>{t('queue')}</dt>
            <dd className="mono">{entry.last.queue_name}</dd>
          </div>
          <div>
            <dt>{t('priority')}</dt>
            <dd>{entry.last.priority}</dd>
          </div>
          <div>
            <dt>{t('runs24h')}</dt>
            <dd>{entry.capped ? `${entry.runs24h}+` : entry.runs24h}</dd>
          </div>
          <div>
            <dt>{t('failures24h')}</dt>
            <dd>{entry.failures24h}</dd>
          </div>
        </dl>
      </header>
      <h2>{t('jobs')}</h2>
      <JobsResults
        result={jobs.result}
        filter={filter}
        basePath={routes.cronKey(locale, key)}
        locale={locale}
        now={now}
        actionsEnabled={actionsEnabled}
        pausing={pauseMarking(jobs.pauses, pausesMode())}
        selectable={false}
        actionsPath={routes.cron(locale)}
      />
    </>
  );
}
