'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef, useState, useTransition } from 'react';
import { INITIAL_ACTION_STATE, type ActionState } from '@/lib/actions/action-state';
import { useAnnounce } from './action-announcer';
import { ConfirmDialog } from './confirm-dialog';
import { HiddenFields } from './posted-run';

interface ActionFormProps {
  serverAction: (previous: ActionState, form: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  /** The confirmation sentence, naming the job or batch and the action. */
  question: string;
  danger?: boolean;
  testId?: string;
}

/**
 * One action as a form bound to a server action: it works without JavaScript; with it, a localized confirmation
 * dialog comes first and the result is announced in the page's aria-live region.
 */
export function ActionForm({ serverAction, fields, label, question, danger = false, testId }: ActionFormProps) {
  const t = useTranslations('ConfirmAction');
  // Without JavaScript the form posts to the server action (useActionState keeps progressive enhancement);
  // with it, submitting asks first, then calls the action and announces the answer in the page's live region,
  // which outlives this form when the answer removes or changes the row.
  const [, formAction] = useActionState(serverAction, INITIAL_ACTION_STATE);
  const [pending, startTransition] = useTransition();
  const announce = useAnnounce();
  const form = useRef<HTMLFormElement>(null);
  const seq = useRef(0);
  const [asking, setAsking] = useState(false);

  // The dialog lives inside the row's menu: close the menu once the question is answered.
  const closeMenu = () => form.current?.closest('details')?.removeAttribute('open');
  const submit = () => {
    const data = new FormData(form.current ?? undefined);
    data.delete('via');
    closeMenu();
    startTransition(async () => {
      const answer = await serverAction({ ...INITIAL_ACTION_STATE, seq: seq.current }, data);
      seq.current = answer.seq;
      announce(answer);
    });
  };

  return (
    <form
      ref={form}
      action={formAction}
      className="action-form"
      onSubmit={(event) => {
        event.preventDefault();
        setAsking(true);
      }}
    >
      <HiddenFields fields={fields} />
      {/* Tells the action it was posted without JavaScript: it answers with a page that says the result. */}
      <input type="hidden" name="via" value="form" />
      <button type="submit" className={danger ? 'menu-item menu-item-danger' : 'menu-item'} disabled={pending} data-testid={testId}>
        {pending ? t('working') : label}
      </button>
      {/* The dialog exists only while it asks: a page of 50 rows does not carry 100 hidden dialogs. */}
      {asking ? (
        <ConfirmDialog
          open
          question={question}
          confirmLabel={label}
          danger={danger}
          onCancel={() => {
            setAsking(false);
            closeMenu();
          }}
          onConfirm={() => {
            setAsking(false);
            submit();
          }}
        />
      ) : null}
    </form>
  );
}
