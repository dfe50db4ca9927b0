'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { jobActionAction } from '@/lib/actions/job-actions';
import type { JobAction } from '@/lib/domain/job-state';

const DANGER: ReadonlySet<JobAction> = new Set(['discard', 'forceDiscard', 'destroy']);

/** The actions GoodJob allows for the job's state, each behind a confirmation. */
export function JobActionsMenu({ jobId, jobClass, actions, path }: { jobId: string; jobClass: string; actions: readonly JobAction[]; path: string }) {
  const t = useTranslations('JobAction');
  const confirm = useTranslations('ConfirmAction');
  const locale = useLocale();
  return (
    <details className="menu" data-testid="job-actions">
      <summary aria-label={t('menuFor', { id: jobId })}>{t('menu')}</summary>
      <div className="menu-items">
        {actions.map((action) => (
          <ActionForm
            key={action}
            serverAction={jobActionAction}
            fields={{ action, jobId, locale, path }}
            label={t(action)}
            question={confirm(action, { jobClass, id: jobId })}
            danger={DANGER.has(action)}
            testId={`action-${action}`}
          />
        ))}
      </div>
    </details>
  );
}
