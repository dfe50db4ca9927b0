'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState } from 'react';
import { INITIAL_RUN_STATE, runFields } from '@/lib/actions/action-state';
import { ConfirmDialog } from './confirm-dialog';
import { HiddenFields, PostedRunNotice } from './posted-run';
import { RunPanel } from './run-panel';
import { useStepRun, type StepAction } from './use-step-run';

interface Props {
  serverAction: StepAction;
  fields: Record<string, string>;
  label: string;
  /** The confirmation sentence, naming what the run takes. */
  question: string;
  danger?: boolean;
  testId?: string;
  /** False once the action no longer applies (the batch finished): only a posted answer is said, no button. */
  offered?: boolean;
}

/**
 * An action that runs in steps (Discard batch, the Cleaner's Retry all / Destroy all): with JavaScript, it asks
 * first, then runs every step with progress and Stop; without it, the form posts one step and the page it answers
 * with says what was done and offers Continue for the next one.
 */
export function StepActionForm({ serverAction, fields, label, question, danger = false, testId, offered = true }: Props) {
  const t = useTranslations('ConfirmAction');
  const runT = useTranslations('Run');
  // Without JavaScript, each post is one step: its answer is rendered here (useActionState keeps the form working).
  const [posted, formAction] = useActionState(serverAction, INITIAL_RUN_STATE);
  const { view, start, resume, stop, dismiss } = useStepRun(serverAction);
  const form = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState(false);
  const busy = view.phase === 'running' || view.phase === 'stopping';
  return (
    <div className="step-action">
      {offered ? (
        <form
          ref={form}
          action={formAction}
          className="action-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) setAsking(true);
          }}
        >
          <HiddenFields fields={fields} />
          <button type="submit" className={danger ? 'menu-item menu-item-danger' : 'menu-item'} disabled={busy} data-testid={testId}>
            {busy ? t('working') : label}
          </button>
        </form>
      ) : null}
      {asking ? (
        <ConfirmDialog
          open
          question={question}
          confirmLabel={label}
          danger={danger}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            start(new FormData(form.current ?? undefined));
          }}
        />
      ) : null}
      <RunPanel view={view} onStop={stop} onContinue={resume} onDismiss={dismiss} />
      <PostedRunNotice posted={posted} />
      {posted.run && posted.run.status !== 'finished' ? (
        <form action={formAction} className="action-form">
          <HiddenFields fields={{ ...fields, ...runFields(posted.run) }} />
          <button type="submit" className="button button-primary" data-testid="run-continue-posted">
            {runT('continue')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
