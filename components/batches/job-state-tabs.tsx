import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import type { StatusCounts } from '@/lib/domain/batch-state';
import { formatNumber } from '@/lib/domain/format';
import { JOB_STATUSES, type JobStatus } from '@/lib/domain/job-state';

/** Filters the batched jobs by state; each tab carries its count. */
export function JobStateTabs({ counts, estimated, active, hrefFor }: { counts: StatusCounts; estimated: boolean; active: JobStatus | null; hrefFor: (status: JobStatus | null) => string }) {
  const t = useTranslations('BatchPage');
  const status = useTranslations('JobStatus');
  const locale = useLocale();
  const tj = useTranslations('JobsPage');
  const total = JOB_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const tabs: Array<{ key: JobStatus | null; label: string; count: number }> = [
    { key: null, label: t('allJobs'), count: total },
    ...JOB_STATUSES.map((s) => ({ key: s, label: status(s), count: counts[s] })),
  ];
  return (
    <nav className="tabs" aria-label={t('stateTabs')} data-testid="state-tabs">
      {tabs.map((tab) => (
        <Link
          key={tab.key ?? 'all'}
          href={hrefFor(tab.key)}
          aria-current={tab.key === active ? 'page' : undefined}
          className={tab.count === 0 ? 'tab tab-empty' : 'tab'}
          data-state={tab.key ?? 'all'}
        >
          {tab.label} <span className="tab-count">{estimated ? tj('estimated', { count: tab.count }) : formatNumber(tab.count, locale)}</span>
        </Link>
      ))}
    </nav>
  );
}
