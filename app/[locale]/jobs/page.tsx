import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { JobsView, NoSuchJob } from '@/components/jobs/jobs-view';
import { ReadSourceNotice } from '@/components/read-source-notice';
import { DatabaseUnavailable } from '@/components/ui/database-unavailable';
import { isReadOnly, pausesMode } from '@/lib/config';
import { BUSY, isFault, loadOrUnavailable, optionalPart } from '@/lib/db/load';
import { readDb, readRoute } from '@/lib/db/read';
import { parsePostedResult, POSTED_HEADER } from '@/lib/domain/action-result-url';
import { parseUuid } from '@/lib/domain/ids';
import { parseJobFilter } from '@/lib/domain/job-filter';
import { pageRequestFrom } from '@/lib/domain/paging';
import { pauseMarking } from '@/lib/domain/settings';
import { routes } from '@/lib/i18n/routes';
import { isLocale } from '@/lib/i18n/routing';
import { liveEndpoint } from '@/lib/live/views';
import { countJobsByState, getJob } from '@/lib/queries/jobs';
import { getJobsActivity } from '@/lib/queries/jobs-activity';
import { loadJobsPage } from '@/lib/queries/jobs-page';

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
  const search = await searchParams;
  const filter = parseJobFilter(search);
  const db = await readDb();
  const uuid = filter.search ? parseUuid(filter.search) : null;
  if (uuid) {
    // An exact UUID goes straight to that job (its id or its ActiveJob id).
    const found = await loadOrUnavailable(() => getJob(db, uuid));
    if (isFault(found)) return <DatabaseUnavailable busy={found === BUSY} />;
    if (found) redirect(routes.job(locale, found.job.id));
    return <NoSuchJob id={uuid} />;
  }
  const now = new Date();
  // Counted once, apart from the list: the tabs and the bulk bar's "all matching" both wait for it.
  const counts = optionalPart('jobs_counts', countJobsByState(db, filter, now), null);
  const data = await loadOrUnavailable(() => loadJobsPage(db, filter, pageRequestFrom(search), now));
  if (isFault(data)) return <DatabaseUnavailable busy={data === BUSY} />;
  // Read once the list's rows are in (never beside its reads).
  const activity = optionalPart('jobs_activity', getJobsActivity(db, filter, now), null);
  const posted = parsePostedResult((await headers()).get(POSTED_HEADER));
  return (
    <>
      <ReadSourceNotice route={readRoute()} />
      <JobsView data={data} counts={counts} activity={activity} filter={filter} locale={locale} now={now} posted={posted} liveEndpoint={liveEndpoint('/api/live/jobs', search, locale)} actionsEnabled={!isReadOnly()} pausing={pauseMarking(data.pauses, pausesMode())} pausesShown={pausesMode() !== 'off'} />
    </>
  );
}
