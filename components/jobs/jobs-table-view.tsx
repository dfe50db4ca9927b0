'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useRowAction } from '@/components/ui/row-action';
import { RowMenu, useRowMenu } from '@/components/ui/row-menu';
import { useTableLinks } from '@/components/ui/table-links';
import { useLiveRows } from '@/components/preferences/live-store';
import { TimeText } from '@/components/ui/time-text';
import { jobActionAction } from '@/lib/actions/job-actions';
import { allowedActions, type JobAction } from '@/lib/domain/job-state';
import type { JobRowView } from '@/lib/domain/row-view';
import { JobStatusBadge } from './job-status-badge';
import { InspectSection, useInspect } from './inspect-section';
import { documentHref, routes } from '@/lib/i18n/routes';

const DANGER: ReadonlySet<JobAction> = new Set(['discard', 'forceDiscard', 'destroy']);

export interface JobsTableViewProps {
  rows: readonly JobRowView[];
  caption: string;
  testId: string;
  /** The page an action refreshes; null hides the actions (read-only mode). */
  actionsPath: string | null;
  /** The jobs list: the class links to the job, rows show their error line and batch, and a checkbox when selectable. */
  list: { selectable: boolean } | null;
  /** Every Inspect section open, its JSON in the rows ("Inspect all", which works without JavaScript). */
  inspectAll: boolean;
}

/**
 * A table of jobs drawn from rows of data. One actions menu, one confirmation and one Inspect loader serve every
 * row; without JavaScript a row's actions button is a link to the job's page, whose actions are plain forms.
 */
export function JobsTableView({ rows: serverRows, caption, testId, actionsPath, list, inspectAll }: JobsTableViewProps) {
  const rows = useLiveRows(testId, serverRows);
  const t = useTranslations('JobsTable');
  const ta = useTranslations('JobAction');
  const tc = useTranslations('ConfirmAction');
  const locale = useLocale();
  const onClick = useTableLinks();
  const menu = useRowMenu();
  const inspect = useInspect();
  const { run, pendingRow } = useRowAction();
  const [asking, setAsking] = useState<{ row: JobRowView; action: JobAction } | null>(null);
  const selectable = list?.selectable ?? false;
  const jobHref = (id: string) => routes.job(locale, id);
  return (
    <div className="table-wrap">
      <table
        className="jobs-table stack-table"
        data-testid={testId}
        style={cellLabels({ queue: t('queue'), priority: t('priority'), labels: t('labels'), attempts: t('attempts') })}
        onClick={onClick}
      >
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selectable ? (
              <th scope="col" className="select-col">
                <span className="visually-hidden">{t('selectPage')}</span>
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
        {rows.map((job) => (
          <tbody key={job.id} className="job" data-job-id={job.id} data-status={job.status} aria-busy={pendingRow === job.id || undefined}>
            <tr>
              {selectable ? (
                <td className="select-col">
                  <input type="checkbox" name="jobId" value={job.id} form="bulk-form" aria-label={t('select', { id: job.id })} data-testid="select-job" />
                </td>
              ) : null}
              <th scope="row" className="job-cell">
                <span className="job-id">{job.id}</span>
                {list ? (
                  <a className="job-class" href={documentHref(jobHref(job.id))}>
                    <Breakable name={job.jobClass} />
                  </a>
                ) : (
                  <span className="job-class">
                    <Breakable name={job.jobClass} />
                  </span>
                )}
                {job.error !== undefined ? (
                  <span className="error-line" title={job.error}>
                    {job.error}
                  </span>
                ) : null}
                {job.batch !== undefined ? (
                  <a className="batch-ref" href={documentHref(routes.batch(locale, job.batch))}>
                    {t('batch', { id: job.batch.slice(0, 8) })}
                  </a>
                ) : null}
              </th>
              <td className="queue">
                <Breakable name={job.queue} />
              </td>
              <td className="num cell-priority">{job.priority}</td>
              <td className="cell-labels">
                {job.labels ? (
                  <ul className="pills">
                    {job.labels.map((label, i) => (
                      <li key={`${i}-${label}`} className="pill" title={label}>
                        <a href={documentHref(routes.jobs(locale, { label }))}>{label}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </td>
              <td className="num cell-attempts">
                <span
                  className={job.attention ? 'attempts attempts-attention' : 'attempts'}
                  data-testid="attempts"
                  title={job.attention ? t('attemptsWithErrors', { count: job.attempts }) : undefined}
                >
                  {job.attempts}
                </span>
              </td>
              <td className="status-cell">
                <JobStatusBadge status={job.status} />
                {job.paused ? (
                  <span className="badge badge-warning paused-marker" data-testid="paused" title={job.paused[1]}>
                    {job.paused[0]}
                  </span>
                ) : null}
                <TimeText time={job.changed} />
              </td>
              <td className="actions-col">
                {actionsPath !== null ? (
                  <RowMenu
                    row={job.id}
                    open={menu.open === job.id}
                    onToggle={menu.toggle}
                    href={jobHref(job.id)}
                    label={pendingRow === job.id ? tc('working') : ta('menu')}
                    name={ta('menuFor', { id: job.id })}
                    testId="job-actions"
                  >
                    {allowedActions(job.status).map((action) => (
                      <button
                        key={action}
                        type="button"
                        role="menuitem"
                        className={DANGER.has(action) ? 'menu-item menu-item-danger' : 'menu-item'}
                        data-testid={`action-${action}`}
                        onClick={() => {
                          menu.close();
                          setAsking({ row: job, action });
                        }}
                      >
                        {ta(action)}
                      </button>
                    ))}
                  </RowMenu>
                ) : null}
              </td>
            </tr>
            <tr className="inspect-row">
              <td colSpan={selectable ? 8 : 7}>
                <InspectSection job={job} open={inspectAll} summary={t('inspect')} jobHref={jobHref(job.id)} loader={inspect} />
              </td>
            </tr>
          </tbody>
        ))}
      </table>
      {asking !== null && actionsPath !== null ? (
        <ConfirmDialog
          open
          question={tc(asking.action, { jobClass: asking.row.jobClass ?? '', id: asking.row.id })}
          confirmLabel={ta(asking.action)}
          danger={DANGER.has(asking.action)}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            run(asking.row.id, jobActionAction, { action: asking.action, jobId: asking.row.id, locale, path: actionsPath });
          }}
        />
      ) : null}
    </div>
  );
}
