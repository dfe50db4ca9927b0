import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { batchProgress, batchState, type StatusCounts } from '@/lib/domain/batch-state';
import { JOB_STATUSES } from '@/lib/domain/job-state';
import type { BatchRow } from '@/lib/queries/columns';
import { JobStatusBadge } from '../jobs/job-status-badge';
import { BatchStateBadge } from './batch-state-badge';
import { RetryBatchButton } from './retry-batch-button';

export function BatchHeader({ batch, counts, locale, actionsEnabled }: { batch: BatchRow; counts: StatusCounts; locale: string; actionsEnabled: boolean }) {
  const t = useTranslations('BatchPage');
  const progress = batchProgress(counts);
  return (
    <header className="page-header">
      <p>
        <Link href={`/${locale}/batches`} className="back-link">
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
          <RetryBatchButton batchId={batch.id} discardedJobs={counts.discarded} path={`/${locale}/batches/${batch.id}`} />
        ) : null}
      </div>
      {batch.description ? <p className="description">{batch.description}</p> : null}
      <div className="progress-block">
        <progress
          className="progress"
          max={Math.max(progress.total, 1)}
          value={progress.finished}
          aria-label={t('progressLabel')}
          aria-valuetext={t('progress', { finished: progress.finished, total: progress.total })}
        />
        <span className="progress-text">{t('progress', { finished: progress.finished, total: progress.total })}</span>
      </div>
      <ul className="status-counts" data-testid="job-counts">
        {JOB_STATUSES.filter((s) => counts[s] > 0).map((s) => (
          <li key={s} data-status={s}>
            <JobStatusBadge status={s} /> <span className="count">{counts[s]}</span>
          </li>
        ))}
      </ul>
    </header>
  );
}
