'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { discardBatchAction, retryBatchAction } from '@/lib/actions/job-actions';

const ACTIONS = {
  retryBatch: { serverAction: retryBatchAction, danger: false, testId: 'action-retry-batch' },
  discardBatch: { serverAction: discardBatchAction, danger: true, testId: 'action-discard-batch' },
} as const;

/**
 * Retry batch (its discarded jobs) or Discard batch (its unfinished jobs), behind a confirmation that names the batch
 * and how many jobs it acts on.
 */
export function BatchActionButton({ action, batchId, jobs, path }: { action: keyof typeof ACTIONS; batchId: string; jobs: number; path: string }) {
  const t = useTranslations('BatchActions');
  const confirm = useTranslations('ConfirmAction');
  const locale = useLocale();
  const { serverAction, danger, testId } = ACTIONS[action];
  return (
    <div className="batch-actions">
      <ActionForm serverAction={serverAction} fields={{ batchId, locale, path }} label={t(action)} question={confirm(action, { id: batchId, count: jobs })} danger={danger} testId={testId} />
    </div>
  );
}
