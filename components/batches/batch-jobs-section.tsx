import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { JobsTable } from '@/components/jobs/jobs-table';
import { ExportLinks } from '@/components/ui/export-links';
import type { PauseMarking } from '@/lib/domain/settings';
import { Pager } from '@/components/ui/pager';
import type { StatusCounts } from '@/lib/domain/batch-state';
import { encodeCursor } from '@/lib/domain/cursor';
import type { JobStatus } from '@/lib/domain/job-state';
import { hrefWith } from '@/lib/domain/url';
import type { JobPage } from '@/lib/read-models/batches';
import { JobStateTabs } from './job-state-tabs';

interface Props {
  kind: 'callback' | 'batched';
  batchId: string;
  page: JobPage;
  now: Date;
  /** The batch page's path and its current query, for links that change one thing and keep the rest. */
  basePath: string;
  query: { state: JobStatus | null; inspect: boolean; after: string | null; before: string | null };
  counts: StatusCounts;
  countsEstimated: boolean;
  pausing: PauseMarking | null;
  /** False in read-only mode. */
  actionsEnabled: boolean;
}

export function BatchJobsSection({ kind, batchId, page, now, basePath, query, counts, countsEstimated, actionsEnabled, pausing }: Props) {
  const t = useTranslations('BatchPage');
  const tt = useTranslations('JobsTable');
  const te = useTranslations('Export');
  const title = kind === 'callback' ? t('callbackJobs') : t('batchedJobs');
  const headingId = `${kind}-jobs-title`;
  const keep = { state: query.state, inspect: query.inspect ? 'all' : null, after: query.after, before: query.before };
  const empty = kind === 'callback' ? t('noCallbackJobs') : query.state ? t('noJobsInState') : t('noBatchedJobs');
  return (
    <section aria-labelledby={headingId} className="card">
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        {page.rows.length > 0 ? (
          <span className="section-links">
            {kind === 'batched' ? <ExportLinks path={`/api/batches/${batchId}/jobs`} title={te('batchTitle')} /> : null}
            <Link className="small-link" href={hrefWith(basePath, { ...keep, inspect: query.inspect ? null : 'all' })} scroll={false}>
              {query.inspect ? tt('collapseAll') : tt('inspectAll')}
            </Link>
          </span>
        ) : null}
      </div>
      {kind === 'batched' ? (
        <JobStateTabs counts={counts} estimated={countsEstimated} active={query.state} hrefFor={(state) => hrefWith(basePath, { state, inspect: keep.inspect })} />
      ) : null}
      {page.rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <JobsTable
          jobs={page.rows}
          columns={page.columns}
          now={now}
          caption={title}
          inspectAll={query.inspect}
          testId={`${kind}-jobs`}
          actionsPath={actionsEnabled ? basePath : null}
          pausing={pausing}
        />
      )}
      {kind === 'batched' ? (
        <Pager
          label={t('pagination')}
          testId="batched-jobs-pager"
          previous={page.prev ? hrefWith(basePath, { state: query.state, inspect: keep.inspect, before: encodeCursor(page.prev) }) : null}
          next={page.next ? hrefWith(basePath, { state: query.state, inspect: keep.inspect, after: encodeCursor(page.next) }) : null}
        />
      ) : null}
    </section>
  );
}
