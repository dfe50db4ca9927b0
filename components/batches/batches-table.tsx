import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Fragment } from 'react';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { Pager } from '@/components/ui/pager';
import { RelativeTime } from '@/components/ui/relative-time';
import { SegmentedBar } from '@/components/ui/segmented-bar';
import { batchState, listProgressSegments } from '@/lib/domain/batch-state';
import { encodeCursor } from '@/lib/domain/cursor';
import { hrefWith } from '@/lib/domain/url';
import type { BatchesPageData } from '@/lib/queries/batches-page';
import { BatchStateBadge } from './batch-state-badge';
import { BatchActionButton } from './batch-action-button';

const TIMES = ['created_at', 'enqueued_at', 'discarded_at', 'finished_at'] as const;
const TIME_LABELS = { created_at: 'created', enqueued_at: 'enqueued', discarded_at: 'discarded', finished_at: 'finished' } as const;

interface Props {
  data: BatchesPageData;
  locale: string;
  now: Date;
  /** The list's filters as URL parameters (null when not set): the pager keeps them. */
  filterParams: Record<string, string | null>;
  actionsEnabled: boolean;
}

export function BatchesTable({ data, locale, now, filterParams, actionsEnabled }: Props) {
  const t = useTranslations('BatchesPage');
  const { page, totals } = data;
  const path = `/${locale}/batches`;
  return (
    <>
      {page.rows.length === 0 ? (
        <p className="empty">{Object.values(filterParams).some((v) => v !== null) ? t('noMatch') : t('empty')}</p>
      ) : (
        <div className="table-wrap card">
          <table
            className="batches-table stack-table"
            data-testid="batches"
            style={cellLabels({ created_at: t('created'), enqueued_at: t('enqueued'), discarded_at: t('discarded'), finished_at: t('finished'), total: t('jobs') })}
          >
            <thead>
              <tr>
                <th scope="col">{t('batch')}</th>
                {TIMES.map((c) => (
                  <th key={c} scope="col">
                    {t(TIME_LABELS[c])}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t('jobs')}
                </th>
                <th scope="col">{t('state')}</th>
                <th scope="col" className="actions-col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((b) => {
                const total = totals.get(b.id) ?? { total: 0, finished: 0, discarded: 0 };
                const callbacks = [...new Set([b.on_finish, b.on_success, b.on_discard].filter((c): c is string => !!c))];
                return (
                  <tr key={b.id} data-batch-id={b.id}>
                    <th scope="row" className="cell-batch">
                      <Link href={`${path}/${b.id}`} className="batch-link">
                        <span className="job-id">{b.id}</span>
                        <span className="batch-description">{b.description ?? t('noDescription')}</span>
                      </Link>
                      {callbacks.length > 0 ? <span className="callbacks">
                          {t('callbacks')}{' '}
                          {callbacks.map((name, i) => (
                            <Fragment key={name}>
                              {i > 0 ? ', ' : null}
                              <Breakable name={name} />
                            </Fragment>
                          ))}
                        </span> : null}
                    </th>
                    {TIMES.map((c) => (
                      <td key={c} className={`time-cell cell-${c}`}>
                        {b[c] ? <RelativeTime value={b[c]} now={now} /> : null}
                      </td>
                    ))}
                    <td className="num cell-total" data-testid="job-total">
                      {total.capped ? `${total.total - 1}+` : total.total}
                    </td>
                    <td className="cell-state">
                      <div className="state-cell">
                        <BatchStateBadge state={batchState(b)} />
                        <SegmentedBar
                          small
                          segments={listProgressSegments(total)}
                          label={`${total.capped ? t('progressSampled', { sample: total.total }) : t('progress')}: ${t('progressDetail', { succeeded: total.finished - total.discarded, discarded: total.discarded, unfinished: total.total - total.finished })}`}
                        />
                      </div>
                    </td>
                    <td className="actions-col">
                      {actionsEnabled && b.discarded_at !== null && total.discarded > 0 ? (
                        <BatchActionButton action="retryBatch" batchId={b.id} jobs={total.discarded} path={path} />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label={t('pagination')}
        testId="batches-pager"
        previous={page.prev ? hrefWith(path, { ...filterParams, before: encodeCursor(page.prev) }) : null}
        next={page.next ? hrefWith(path, { ...filterParams, after: encodeCursor(page.next) }) : null}
      />
    </>
  );
}
