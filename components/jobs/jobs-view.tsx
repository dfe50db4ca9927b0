import { useTranslations } from 'next-intl';
import { Suspense } from 'react';
import { Streamed } from '@/components/ui/streamed';
import type { PostedResult } from '@/lib/domain/action-result-url';
import type { JobFilter } from '@/lib/domain/job-filter';
import type { PauseMarking } from '@/lib/domain/settings';
import { routes } from '@/lib/i18n/routes';
import type { JobsActivity } from '@/lib/read-models/jobs-activity';
import type { JobCounts, JobsPageData } from '@/lib/read-models/jobs';
import { BulkActionsWithCount } from './bulk-actions-with-count';
import { JobsActivityPending, JobsActivitySection } from './jobs-activity';
import { JobsFilter } from './jobs-filter';
import { JobsLiveMark } from './jobs-live-mark';
import { JobsResults } from './jobs-results';
import { JobsStateTabs, JobsStateTabsWithCounts } from './jobs-state-tabs';
import { PostedResultNotice } from './posted-result';

interface Props {
  data: JobsPageData;
  /** Counted apart from the list: the tabs and the bulk bar's "all matching" stream in when they are. */
  counts: Promise<JobCounts | null>;
  /** Jobs per hour by queue, read once the list's rows are in and streamed below it. */
  activity: Promise<JobsActivity | null>;
  filter: JobFilter;
  locale: string;
  now: Date;
  posted: PostedResult | null;
  liveEndpoint: string;
  actionsEnabled: boolean;
  pausing: PauseMarking | null;
  pausesShown: boolean;
}

/** The jobs list: state tabs, filters, the bulk bar, the rows, then the activity chart. */
export function JobsView({ data, counts, activity, filter, locale, now, posted, liveEndpoint, actionsEnabled, pausing, pausesShown }: Props) {
  const t = useTranslations('JobsPage');
  const basePath = routes.jobs(locale);
  return (
    <>
      <PostedResultNotice result={posted} />
      <h1>{t('title')}</h1>
      <Suspense fallback={<JobsStateTabs filter={filter} basePath={basePath} counts={null} />}>
        <JobsStateTabsWithCounts counts={counts} filter={filter} basePath={basePath} />
      </Suspense>
      <JobsFilter locale={locale} filter={filter} facets={data.facets} pausesShown={pausesShown} />
      {actionsEnabled && data.result.kind === 'page' && data.result.rows.length > 0 ? (
        <Suspense fallback={null}>
          <BulkActionsWithCount counts={counts} locale={locale} filter={filter} />
        </Suspense>
      ) : null}
      <JobsResults result={data.result} filter={filter} basePath={basePath} locale={locale} now={now} actionsEnabled={actionsEnabled} pausing={pausing} />
      <Suspense fallback={null}>
        <JobsLiveMark result={data.result} counts={counts} now={now} endpoint={liveEndpoint} />
      </Suspense>
      <Suspense fallback={<JobsActivityPending />}>
        <Streamed data={activity}>{(loaded) => <JobsActivitySection activity={loaded} filter={filter} />}</Streamed>
      </Suspense>
    </>
  );
}

/** An exact UUID searched for that is no job's id nor ActiveJob id. */
export function NoSuchJob({ id }: { id: string }) {
  const t = useTranslations('JobsPage');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="empty">{t('noSuchJob', { id })}</p>
    </>
  );
}
