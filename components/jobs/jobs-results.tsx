import { useTranslations } from 'next-intl';
import { ExportLinks } from '@/components/ui/export-links';
import { Pager } from '@/components/ui/pager';
import { encodeCursor } from '@/lib/domain/cursor';
import { jobFilterParams, type JobFilter } from '@/lib/domain/job-filter';
import { hrefWith } from '@/lib/domain/url';
import type { PauseMarking } from '@/lib/domain/settings';
import type { JobsResult } from '@/lib/read-models/jobs';
import { JobsTable } from './jobs-table';

interface Props {
  result: JobsResult;
  filter: JobFilter;
  basePath: string;
  locale: string;
  now: Date;
  actionsEnabled: boolean;
  pausing: PauseMarking | null;
  /** Rows carry a checkbox for the bulk bar (the jobs list has one). */
  selectable?: boolean;
  /** The page an action refreshes (a path of ours: letters, digits, `_`, `-`), when it is not basePath. */
  actionsPath?: string;
}

export function JobsResults({ result, filter, basePath, locale, now, actionsEnabled, pausing, selectable = actionsEnabled, actionsPath = basePath }: Props) {
  const t = useTranslations('JobsPage');
  const te = useTranslations('Export');
  if (result.kind === 'searchTimeout') {
    return (
      <p className="notice" role="alert" data-testid="search-timeout">
        {t('searchTimeout')}
      </p>
    );
  }
  if (result.rows.length === 0) return <p className="empty">{t('empty')}</p>;
  const keep = jobFilterParams(filter);
  return (
    <section className="card" aria-label={t('title')}>
      <p className="section-links">
        <ExportLinks path="/api/jobs" params={keep} title={te('jobsTitle')} />
      </p>
      <JobsTable
        jobs={result.rows}
        columns={result.columns}
        now={now}
        caption={t('title')}
        inspectAll={false}
        testId="jobs"
        actionsPath={actionsEnabled ? actionsPath : null}
        listContext={{ locale, selectable }}
        pausing={pausing}
      />
      <Pager
        label={t('pagination')}
        testId="jobs-pager"
        previous={result.prev ? hrefWith(basePath, { ...keep, before: encodeCursor(result.prev) }) : null}
        next={result.next ? hrefWith(basePath, { ...keep, after: encodeCursor(result.next) }) : null}
      />
    </section>
  );
}
