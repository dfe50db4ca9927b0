'use client';

import { StepActionForm } from '@/components/ui/step-action-form';
import { bulkStepAction } from '@/lib/actions/run-actions';
import { routes } from '@/lib/i18n/routes';

interface Props {
  locale: string;
  /** The group as the jobs list's filter: state=discarded and its job_class or error_class. */
  filter: Record<string, string>;
  labels: { retry: string; destroy: string };
  /** The confirmations, naming the group and how many jobs each action takes. */
  questions: { retry: string; destroy: string };
}

/**
 * Retry all and Destroy all for one Cleaner row: the jobs list's bulk action over the group's filter, in steps with
 * progress (same commands, locks, audit lines and announcements), each a form that also works without JavaScript.
 * Words arrive as props.
 */
export function GroupActions({ locale, filter, labels, questions }: Props) {
  const fields = { ...filter, scope: 'filter', locale, path: routes.cleaner(locale) };
  return (
    <div className="row-actions" style={{ flexWrap: 'nowrap' }}>
      <StepActionForm serverAction={bulkStepAction} fields={{ ...fields, action: 'retry' }} label={labels.retry} question={questions.retry} testId="cleaner-retry" />
      <StepActionForm serverAction={bulkStepAction} fields={{ ...fields, action: 'destroy' }} label={labels.destroy} question={questions.destroy} danger testId="cleaner-destroy" />
    </div>
  );
}
