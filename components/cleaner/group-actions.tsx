'use client';

import { ActionForm } from '@/components/ui/action-form';
import { bulkJobAction } from '@/lib/actions/bulk-actions';

interface Props {
  locale: string;
  /** The group as the jobs list's filter: state=discarded and its job_class or error_class. */
  filter: Record<string, string>;
  labels: { retry: string; destroy: string };
  /** The confirmations, naming the group and how many jobs each action takes (at most BULK_CAP). */
  questions: { retry: string; destroy: string };
}

/**
 * Retry all and Destroy all for one Cleaner row: the jobs list's bulk action with scope "filter" (same cap, commands,
 * locks, audit line and announcement), each a form that also works without JavaScript. Words arrive as props.
 */
export function GroupActions({ locale, filter, labels, questions }: Props) {
  const fields = { ...filter, scope: 'filter', locale, path: `/${locale}/cleaner` };
  return (
    <div className="row-actions" style={{ flexWrap: 'nowrap' }}>
      <ActionForm serverAction={bulkJobAction} fields={{ ...fields, action: 'retry' }} label={labels.retry} question={questions.retry} testId="cleaner-retry" />
      <ActionForm serverAction={bulkJobAction} fields={{ ...fields, action: 'destroy' }} label={labels.destroy} question={questions.destroy} danger testId="cleaner-destroy" />
    </div>
  );
}
