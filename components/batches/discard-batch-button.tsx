'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { discardBatchAction } from '@/lib/actions/job-actions';

/** Discard batch, behind a confirmation that names the batch and how many jobs it will discard. */
export function DiscardBatchButton({ batchId, unfinishedJobs, path }: { batchId: string; unfinishedJobs: number; path: string }) {
  const t = useTranslations('BatchActions');
  const confirm = useTranslations('ConfirmAction');
  const locale = useLocale();
  return (
    <div className="batch-actions">
      <ActionForm
        serverAction={discardBatchAction}
        fields={{ batchId, locale, path }}
        label={t('discardBatch')}
        question={confirm('discardBatch', { id: batchId, count: unfinishedJobs })}
        danger
        testId="action-discard-batch"
      />
    </div>
  );
}
