'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Fragment, useState } from 'react';
import { Breakable } from '@/components/ui/breakable';
import { cellLabels } from '@/components/ui/cell-labels';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useRowAction } from '@/components/ui/row-action';
import { SegmentedBar } from '@/components/ui/segmented-bar';
import { useTableLinks } from '@/components/ui/table-links';
import { LinkButton } from '@/components/ui/link-button';
import { useLiveRows } from '@/components/preferences/live-store';
import { TimeText } from '@/components/ui/time-text';
import { retryBatchAction } from '@/lib/actions/job-actions';
import { listProgressSegments } from '@/lib/domain/batch-state';
import { BATCH_TIMES, type BatchRowView } from '@/lib/domain/row-view';
import { BatchStateBadge } from './batch-state-badge';
import { documentHref, routes } from '@/lib/i18n/routes';

const TIME_LABELS = { created_at: 'created', enqueued_at: 'enqueued', discarded_at: 'discarded', finished_at: 'finished' } as const;

/**
 * The batches list drawn from rows of data, with one confirmation for every row's Retry batch. Without JavaScript
 * the button is a link to the batch's page, where Retry batch is a plain form.
 */
export function BatchesTableView({ rows: serverRows, actionsEnabled }: { rows: readonly BatchRowView[]; actionsEnabled: boolean }) {
  const rows = useLiveRows('batches', serverRows);
  const t = useTranslations('BatchesTable');
  const tb = useTranslations('BatchActions');
  const tc = useTranslations('ConfirmAction');
  const locale = useLocale();
  const onClick = useTableLinks();
  const { run, pendingRow } = useRowAction();
  const [asking, setAsking] = useState<BatchRowView | null>(null);
  const path = routes.batches(locale);
  return (
    <div className="table-wrap card">
      <table
        className="batches-table stack-table"
        data-testid="batches"
        style={cellLabels({ created_at: t('created'), enqueued_at: t('enqueued'), discarded_at: t('discarded'), finished_at: t('finished'), total: t('jobs') })}
        onClick={onClick}
      >
        <thead>
          <tr>
            <th scope="col">{t('batch')}</th>
            {BATCH_TIMES.map((c) => (
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
          {rows.map((b) => {
            const detail = t('progressDetail', { succeeded: b.finished - b.discarded, discarded: b.discarded, unfinished: b.total - b.finished });
            return (
              <tr key={b.id} data-batch-id={b.id} aria-busy={pendingRow === b.id || undefined}>
                <th scope="row" className="cell-batch">
                  <a href={documentHref(routes.batch(locale, b.id))} className="batch-link">
                    <span className="job-id">{b.id}</span>
                    <span className="batch-description">{b.description ?? t('noDescription')}</span>
                  </a>
                  {b.callbacks.length > 0 ? (
                    <span className="callbacks">
                      {t('callbacks')}{' '}
                      {b.callbacks.map((name, i) => (
                        <Fragment key={name}>
                          {i > 0 ? ', ' : null}
                          <Breakable name={name} />
                        </Fragment>
                      ))}
                    </span>
                  ) : null}
                </th>
                {BATCH_TIMES.map((c) => (
                  <td key={c} className={`time-cell cell-${c}`}>
                    {b.times[c] ? <TimeText time={b.times[c]} /> : null}
                  </td>
                ))}
                <td className="num cell-total" data-testid="job-total">
                  {b.capped ? `${b.total - 1}+` : b.total}
                </td>
                <td className="cell-state">
                  <div className="state-cell">
                    <BatchStateBadge state={b.state} />
                    <SegmentedBar small segments={listProgressSegments(b)} label={`${b.capped ? t('progressSampled', { sample: b.total }) : t('progress')}: ${detail}`} />
                  </div>
                </td>
                <td className="actions-col">
                  {actionsEnabled && b.state === 'discarded' && b.discarded > 0 ? (
                    <div className="batch-actions">
                      <LinkButton className="menu-item" href={routes.batch(locale, b.id)} testId="action-retry-batch" onPress={() => setAsking(b)}>
                        {pendingRow === b.id ? tc('working') : tb('retryBatch')}
                      </LinkButton>
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {asking !== null ? (
        <ConfirmDialog
          open
          question={tc('retryBatch', { id: asking.id, count: asking.discarded })}
          confirmLabel={tb('retryBatch')}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            run(asking.id, retryBatchAction, { batchId: asking.id, locale, path });
          }}
        />
      ) : null}
    </div>
  );
}
