'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { StepActionForm } from '@/components/ui/step-action-form';
import { retryBatchAction } from '@/lib/actions/job-actions';
import { discardBatchStepAction } from '@/lib/actions/run-actions';

/**
 * Retry batch (its discarded jobs, one transaction) or Discard batch (its unfinished jobs, in steps with progress),
 * behind a confirmation that names the batch and how many jobs it acts on.
 */
export function BatchActionButton({ action, batchId, jobs, path, offered = true }: { action: 'retryBatch' | 'discardBatch'; batchId: string; jobs: number; path: string; offered?: boolean }) {
  const t = useTranslations('BatchActions');
  const confirm = useTranslations('ConfirmAction');
  const locale = useLocale();
  const fields = { batchId, locale, path };
  const question = confirm(action, { id: batchId, count: jobs });
  return (
    <div className="batch-actions">
      {action === 'retryBatch' ? (
        <ActionForm serverAction={retryBatchAction} fields={fields} label={t(action)} question={question} testId="action-retry-batch" />
      ) : (
        <StepActionForm serverAction={discardBatchStepAction} offered={offered} fields={fields} label={t(action)} question={question} danger testId="action-discard-batch" />
      )}
    </div>
  );
}
