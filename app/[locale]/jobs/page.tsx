import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Suspense } from 'react';
import { BulkActionsWithCount } from '@/components/jobs/bulk-actions-with-count';
import { JobsActivityPending, JobsActivitySection } from '@/components/jobs/jobs-activity';
import { Streamed } from '@/components/ui/streamed';
import { JobsFilter } from '@/components/jobs/jobs-filter';
import { JobsResults } from '@/components/jobs/jobs-results';
import { JobsLiveMark } from '@/components/jobs/jobs-live-mark';
import { liveEndpoint } from '@/lib/live/views';
import { PostedResultNotice } from '@/components/jobs/posted-result';
import { parsePostedResult, POSTED_HEADER } from '@/lib/domain/action-result-url';
import { JobsStateTabs, JobsStateTabsWithCounts } from '@/components/jobs/jobs-state-tabs';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly, pausesMode } from '@/lib/config';
import { pauseMarking } from '@/lib/domain/settings';
import { readDb, readRoute } from '@/lib/db/read';
import { BUSY, isFault, loadOrUnavailable, optionalPart } from '@/lib/db/load';
import { parseUuid } from '@/lib/domain/ids';
import { parseJobFilter } from '@/lib/domain/job-filter';
import { pageRequestFrom } from '@/lib/domain/paging';
import { isLocale } from '@/lib/i18n/routing';
import { countJobsByState, getJob } from '@/lib/queries/jobs';
import { getJobsActivity } from '@/lib/queries/jobs-activity';
import { loadJobsPage } from '@/lib/queries/jobs-page';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { routes } from '@/lib/i18n/routes';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: 'JobsPage' });
  return { title: t('title') };
}

export default async function JobsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('JobsPage');
  const search = await searchParams;
  const filter = parseJobFilter(search);
  const db = await readDb();
  const uuid = filter.search ? parseUuid(filter.search) : null;
  if (uuid) {
    // An exact UUID goes straight to that job (its id or its ActiveJob id).
    const found = await loadOrUnavailable(() => getJob(db, uuid));
    if (isFault(found)) return <DatabaseUnavailable busy={found === BUSY} />;
    if (found) redirect(routes.job(locale, found.job.id));
    return (
      <>
        <h1>{t('title')}</h1>
        <p className="empty">{t('noSuchJob', { id: uuid })}</p>
      </>
    );
  }
  const now = new Date();
  const request = pageRequestFrom(search);
  // Counted once, apart from the list: the tabs and the bulk bar's "all matching" both wait for it.
  const counts = optionalPart('jobs_counts', countJobsByState(db, filter, now), null);
  const data = await loadOrUnavailable(() => loadJobsPage(db, filter, request, now));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  // Jobs per hour by queue, read once the list's rows are in (never beside its reads) and streamed below it.
  const activity = optionalPart('jobs_activity', getJobsActivity(db, filter, now), null);
  const basePath = routes.jobs(locale);
  const actionsEnabled = !isReadOnly();
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <PostedResultNotice result={parsePostedResult((await headers()).get(POSTED_HEADER))} />
      <h1>{t('title')}</h1>
      <Suspense fallback={<JobsStateTabs filter={filter} basePath={basePath} counts={null} />}>
        <JobsStateTabsWithCounts counts={counts} filter={filter} basePath={basePath} />
      </Suspense>
      <JobsFilter locale={locale} filter={filter} facets={data.facets} pausesShown={pausesMode() !== 'off'} />
      {actionsEnabled && data.result.kind === 'page' && data.result.rows.length > 0 ? (
        <Suspense fallback={null}>
          <BulkActionsWithCount counts={counts} locale={locale} filter={filter} />
        </Suspense>
      ) : null}
      <JobsResults result={data.result} filter={filter} basePath={basePath} locale={locale} now={now} actionsEnabled={actionsEnabled} pausing={pauseMarking(data.pauses, pausesMode())} />
      <Suspense fallback={null}>
        <JobsLiveMark result={data.result} counts={counts} now={now} endpoint={liveEndpoint('/api/live/jobs', search, locale)} />
      </Suspense>
      <Suspense fallback={<JobsActivityPending />}>
        <Streamed data={activity}>{(loaded) => <JobsActivitySection activity={loaded} filter={filter} />}</Streamed>
      </Suspense>
    </>
  );
}
