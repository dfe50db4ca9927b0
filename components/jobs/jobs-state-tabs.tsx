import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { formatNumber } from '@/lib/domain/format';
import { jobFilterParams, type JobFilter } from '@/lib/domain/job-filter';
import { JOB_STATUSES, type JobStatus } from '@/lib/domain/job-state';
import { hrefWith } from '@/lib/domain/url';
import type { JobCounts } from '@/lib/read-models/jobs';

interface Props {
  filter: JobFilter;
  basePath: string;
  /** Null while the counts load (they stream in apart from the list). */
  counts: JobCounts | null;
}

export async function JobsStateTabs({ filter, basePath, counts }: Props) {
  const t = await getTranslations('JobsPage');
  const status = await getTranslations('JobStatus');
  const locale = await getLocale();
  const tabs: Array<{ key: JobStatus | null; label: string }> = [{ key: null, label: t('all') }, ...JOB_STATUSES.map((s) => ({ key: s, label: status(s) }))];
  return (
    <nav className="tabs" aria-label={t('stateTabs')} data-testid="state-tabs">
      {tabs.map((tab) => {
        const count = counts?.[tab.key ?? 'all'];
        return (
          <Link
            key={tab.key ?? 'all'}
            href={hrefWith(basePath, { ...jobFilterParams(filter), state: tab.key })}
            aria-current={tab.key === filter.state ? 'page' : undefined}
            className="tab"
            data-state={tab.key ?? 'all'}
          >
            {tab.label}{' '}
            {count ? (
              <span className="tab-count" data-estimated={count.estimated || undefined}>
                {count.estimated ? t('estimated', { count: count.value }) : formatNumber(count.value, locale)}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}

/** The tabs with their counts, which load apart from the list (the page wraps this in Suspense). */
export async function JobsStateTabsWithCounts({ counts, filter, basePath }: { counts: Promise<JobCounts | null>; filter: JobFilter; basePath: string }) {
  return <JobsStateTabs filter={filter} basePath={basePath} counts={await counts} />;
}
