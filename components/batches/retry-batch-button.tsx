'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { retryBatchAction } from '@/lib/actions/job-actions';

export function RetryBatchButton({ batchId, discardedJobs, path }: { batchId: string; discardedJobs: number; path: string }) {
  const t = useTranslations('BatchActions');
  const confirm = useTranslations('ConfirmAction');
  const locale = useLocale();
  return (
    <div className="batch-actions">
      <ActionForm
        serverAction={retryBatchAction}
        fields={{ batchId, locale, path }}
        label={t('retryBatch')}
        question={confirm('retryBatch', { id: batchId, count: discardedJobs })}
        testId="action-retry-batch"
      />
    </div>
  );
}
