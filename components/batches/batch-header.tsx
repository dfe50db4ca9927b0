import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { batchProgress, batchState, progressSegments, type StatusCounts } from '@/lib/domain/batch-state';
import { JOB_STATUSES } from '@/lib/domain/job-state';
import type { BatchRow } from '@/lib/read-models/rows';
import { ExactTime } from '@/components/ui/relative-time';
import { SegmentedBar } from '@/components/ui/segmented-bar';
import { JobStatusBadge } from '../jobs/job-status-badge';
import { BatchStateBadge } from './batch-state-badge';
import { BatchActionButton } from './batch-action-button';
import { routes } from '@/lib/i18n/routes';

const TIMES = [
  ['created_at', 'created'],
  ['enqueued_at', 'enqueued'],
  ['jobs_finished_at', 'jobsFinished'],
  ['discarded_at', 'discarded'],
  ['finished_at', 'finished'],
] as const;

interface Props {
  batch: BatchRow;
  counts: StatusCounts;
  /** Counted from a sample of a huge batch. */
  estimated: boolean;
  locale: string;
  actionsEnabled: boolean;
  now: Date;
}

export function BatchHeader({ batch, counts, estimated, locale, actionsEnabled, now }: Props) {
  const t = useTranslations('BatchPage');
  const progress = batchProgress(counts);
  return (
    <header className="page-header">
      <p>
        <Link href={routes.batches(locale)} className="back-link">
          ← {t('back')}
        </Link>
      </p>
      <div className="title-row">
        <h1>
          <span className="visually-hidden">{t('title')} </span>
          <span className="batch-id">{batch.id}</span>
        </h1>
        <BatchStateBadge state={batchState(batch)} />
        {actionsEnabled && batch.discarded_at !== null && counts.discarded > 0 ? (
          <BatchActionButton action="retryBatch" batchId={batch.id} jobs={counts.discarded} path={routes.batch(locale, batch.id)} />
        ) : null}
        {/* Offered for an unfinished batch whose jobs are not all finished yet (or were discarded where nothing finished
            the batch); rendered either way, so that the last step posted without JavaScript still says what it did. */}
        {actionsEnabled ? (
          <BatchActionButton action="discardBatch" offered={batch.finished_at === null && !batch.jobs_finished_at} batchId={batch.id} jobs={progress.total - progress.finished} path={routes.batch(locale, batch.id)} />
        ) : null}
      </div>
      {batch.description ? <p className="description">{batch.description}</p> : null}
      <dl className="times" aria-label={t('times')}>
        {TIMES.map(([column, key]) => {
          const value = batch[column];
          return value ? (
            <div key={column} data-time={column}>
              <dt>{t(key)}</dt>
              <dd>
                <ExactTime value={value} now={now} />
              </dd>
            </div>
          ) : null;
        })}
      </dl>
      <div className="progress-block">
        <SegmentedBar
          segments={progressSegments(counts)}
          label={`${t('progressLabel')}: ${t('progressDetail', { succeeded: counts.succeeded, discarded: counts.discarded, running: counts.running, waiting: counts.queued + counts.scheduled + counts.retried })}`}
        />
        <span className="progress-text">
          {estimated ? t('progressEstimated', { finished: progress.finished, total: progress.total }) : t('progress', { finished: progress.finished, total: progress.total })}
        </span>
      </div>
      <ul className="status-counts" data-testid="job-counts">
        {JOB_STATUSES.filter((s) => counts[s] > 0).map((s) => (
          <li key={s} data-status={s}>
            <JobStatusBadge status={s} /> <span className="count">{estimated ? `≈ ${counts[s]}` : counts[s]}</span>
          </li>
        ))}
      </ul>
    </header>
  );
}
