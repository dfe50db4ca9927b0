import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { JobsTable } from '@/components/jobs/jobs-table';
import { encodeCursor, type Cursor } from '@/lib/domain/cursor';
import type { JobPage } from '@/lib/queries/batches';

interface Props {
  kind: 'callback' | 'batched';
  page: JobPage;
  now: Date;
  inspectAll: boolean;
  /** The batch page's path, for links that keep the page and change its query. */
  basePath: string;
  after: Cursor | null;
  /** False in read-only mode. */
  actionsEnabled: boolean;
}

function href(basePath: string, params: Record<string, string | null>) {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== null));
  return query.size > 0 ? `${basePath}?${query.toString()}` : basePath;
}

export function BatchJobsSection({ kind, page, now, inspectAll, basePath, after, actionsEnabled }: Props) {
  const t = useTranslations('BatchPage');
  const tt = useTranslations('JobsTable');
  const title = kind === 'callback' ? t('callbackJobs') : t('batchedJobs');
  const headingId = `${kind}-jobs-title`;
  const afterParam = after ? encodeCursor(after) : null;
  return (
    <section aria-labelledby={headingId} className="card">
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        {page.jobs.length > 0 ? (
          <Link className="small-link" href={href(basePath, { after: afterParam, inspect: inspectAll ? null : 'all' })} scroll={false}>
            {inspectAll ? tt('collapseAll') : tt('inspectAll')}
          </Link>
        ) : null}
      </div>
      {page.jobs.length === 0 ? (
        <p className="empty">{kind === 'callback' ? t('noCallbackJobs') : t('noBatchedJobs')}</p>
      ) : (
        <JobsTable jobs={page.jobs} columns={page.columns} now={now} caption={title} inspectAll={inspectAll} testId={`${kind}-jobs`} actionsPath={actionsEnabled ? basePath : null} />
      )}
      {kind === 'batched' && (after || page.next) ? (
        <nav className="pager" aria-label={t('pagination')}>
          {after ? <Link href={href(basePath, { inspect: inspectAll ? 'all' : null })}>{t('newestJobs')}</Link> : null}
          {page.next ? (
            <Link rel="next" href={href(basePath, { after: encodeCursor(page.next), inspect: inspectAll ? 'all' : null })}>
              {t('olderJobs')} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
