import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { JsonView } from '@/components/ui/json-view';
import { Pills } from '@/components/ui/pills';
import { RelativeTime } from '@/components/ui/relative-time';
import { clip } from '@/lib/domain/format';
import { hrefWith } from '@/lib/domain/url';
import { jobInspectJson } from '@/lib/domain/inspect-json';
import { allowedActions, attemptsNeedAttention, jobStatus, statusChangedAt } from '@/lib/domain/job-state';
import type { JobRow } from '@/lib/queries/columns';
import { JobActionsMenu } from './job-actions-menu';
import type { PauseMarking } from '@/lib/domain/settings';
import { JobStatusBadge } from './job-status-badge';
import { PausedMarker } from './paused-marker';
import { LazyInspect } from './lazy-inspect';

/** How much of a job's error its row in the jobs list carries. */
const ERROR_LINE_CHARS = 300;

interface JobsTableProps {
  jobs: readonly JobRow[];
  /** The good_jobs columns in table order, for the Inspect JSON. */
  columns: readonly string[];
  now: Date;
  caption: string;
  /** Render every Inspect section open (the "Inspect all" link, which works without JavaScript). */
  inspectAll: boolean;
  testId: string;
  /** The page to refresh after an action; null hides the actions (read-only mode). */
  actionsPath: string | null;
  /** Jobs list: each row also shows its error line and batch link, and a checkbox for bulk actions. */
  listContext?: { locale: string; selectable: boolean };
  /** Marks jobs that wait behind a pause; null marks nothing. */
  pausing: PauseMarking | null;
}

export function JobsTable({ jobs, columns, now, caption, inspectAll, testId, actionsPath, listContext, pausing }: JobsTableProps) {
  const t = useTranslations('JobsTable');
  const locale = useLocale();
  const tl = useTranslations('JobsPage');
  const colSpan = listContext?.selectable ? 8 : 7;
  const labelHref = (label: string) => hrefWith(`/${locale}/jobs`, { label });
  return (
    <div className="table-wrap">
      <table
        className="jobs-table stack-table"
        data-testid={testId}
        style={cellLabels({ queue: t('queue'), priority: t('priority'), labels: t('labels'), attempts: t('attempts') })}
      >
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {listContext?.selectable ? (
              <th scope="col" className="select-col">
                <span className="visually-hidden">{tl('selectPage')}</span>
              </th>
            ) : null}
            <th scope="col">{t('job')}</th>
            <th scope="col">{t('queue')}</th>
            <th scope="col" className="num">
              {t('priority')}
            </th>
            <th scope="col">{t('labels')}</th>
            <th scope="col" className="num">
              {t('attempts')}
            </th>
            <th scope="col">{t('status')}</th>
            <th scope="col" className="actions-col">
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        {jobs.map((job) => {
          const status = jobStatus(job, now);
          const attention = attemptsNeedAttention(job);
          return (
            <tbody key={job.id} className="job" data-job-id={job.id} data-status={status}>
              <tr>
                {listContext?.selectable ? (
                  <td className="select-col">
                    <input type="checkbox" name="jobId" value={job.id} form="bulk-form" aria-label={tl('select', { id: job.id })} data-testid="select-job" />
                  </td>
                ) : null}
                <th scope="row" className="job-cell">
                  <span className="job-id">{job.id}</span>
                  {listContext ? (
                    <Link className="job-class" href={`/${listContext.locale}/jobs/${job.id}`}>
                      <Breakable name={job.job_class} />
                    </Link>
                  ) : (
                    <span className="job-class">
                      <Breakable name={job.job_class} />
                    </span>
                  )}
                  {listContext && job.error ? (
                    // A one-line summary (the CSS clips it further): a 100 KB error is read in full on the job's page.
                    <span className="error-line" title={clip(job.error, 1000)}>
                      {clip(job.error, ERROR_LINE_CHARS)}
                    </span>
                  ) : null}
                  {listContext && (job.batch_id ?? job.batch_callback_id) ? (
                    <Link className="batch-ref" href={`/${listContext.locale}/batches/${job.batch_id ?? job.batch_callback_id}`}>
                      {tl('batch', { id: (job.batch_id ?? job.batch_callback_id)!.slice(0, 8) })}
                    </Link>
                  ) : null}
                </th>
                <td className="queue">
                  <Breakable name={job.queue_name} />
                </td>
                <td className="num cell-priority">{job.priority}</td>
                <td className="cell-labels">
                  <Pills values={job.labels} hrefFor={labelHref} />
                </td>
                <td className="num cell-attempts">
                  <span
                    className={attention ? 'attempts attempts-attention' : 'attempts'}
                    data-testid="attempts"
                    title={attention ? t('attemptsWithErrors', { count: job.executions_count ?? 0 }) : undefined}
                  >
                    {job.executions_count ?? 0}
                  </span>
                </td>
                <td className="status-cell">
                  <JobStatusBadge status={status} />
                  <PausedMarker job={job} status={status} marking={pausing} />
                  <RelativeTime value={statusChangedAt(job)} now={now} />
                </td>
                <td className="actions-col">
                  {actionsPath ? (
                    <JobActionsMenu jobId={job.id} jobClass={job.job_class ?? ''} actions={allowedActions(status)} path={actionsPath} />
                  ) : null}
                </td>
              </tr>
              <tr className="inspect-row">
                <td colSpan={colSpan}>
                  {inspectAll ? (
                    <details data-testid="inspect" open>
                      <summary>{t('inspect')}</summary>
                      <JsonView json={jobInspectJson(job, job.serialized_params_text, columns)} />
                    </details>
                  ) : (
                    <LazyInspect jobId={job.id} summary={t('inspect')} jobHref={`/${locale}/jobs/${job.id}`} />
                  )}
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
