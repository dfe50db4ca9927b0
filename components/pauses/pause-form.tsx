'use client';

import { useLocale } from 'next-intl';
import { useActionState, useRef, useState, useTransition } from 'react';
import { INITIAL_ACTION_STATE } from '@/lib/actions/action-state';
import { pauseAction } from '@/lib/actions/setting-actions';
import { PAUSE_KINDS, type PauseKind } from '@/lib/domain/settings';
import { useAnnounce } from '@/components/ui/action-announcer';

/**
 * Pause a queue, job class or label by name, with the names the jobs table knows offered. A plain form bound to the
 * server action: without JavaScript it posts and the page shows the answer; with it, the answer is announced. Its words
 * come from the server (the Pauses messages are not sent to every page's client).
 */
export interface PauseFormLabels {
  title: string;
  kind: string;
  kinds: Record<PauseKind, string>;
  value: string;
  submit: string;
}

export function PauseForm({ known, labels }: { known: Record<PauseKind, string[]>; labels: PauseFormLabels }) {
  const locale = useLocale();
  const [state, formAction] = useActionState(pauseAction, INITIAL_ACTION_STATE);
  const [pending, startTransition] = useTransition();
  const [kind, setKind] = useState<PauseKind>('queue');
  const announce = useAnnounce();
  const form = useRef<HTMLFormElement>(null);
  return (
    <form
      ref={form}
      action={formAction}
      className="filters filters-wide pause-form"
      aria-label={labels.title}
      data-testid="pause-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(form.current ?? undefined);
        startTransition(async () => {
          const answer = await pauseAction(INITIAL_ACTION_STATE, data);
          announce(answer);
          if (answer.outcome === 'done') form.current?.reset();
        });
      }}
    >
      <input type="hidden" name="action" value="pause" />
      <input type="hidden" name="locale" value={locale} />
      <label>
        <span>{labels.kind}</span>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as PauseKind)} data-testid="pause-kind">
          {PAUSE_KINDS.map((k) => (
            <option key={k} value={k}>
              {labels.kinds[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        <span>{labels.value}</span>
        <input name="value" required maxLength={1024} list={`pause-known-${kind}`} autoComplete="off" data-testid="pause-value" />
      </label>
      {PAUSE_KINDS.map((k) => (
        <datalist key={k} id={`pause-known-${k}`}>
          {known[k].map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      ))}
      <button type="submit" className="button" disabled={pending} data-testid="pause-submit">
        {labels.submit}
      </button>
      {state.message ? (
        <p className={`toast toast-${state.outcome === 'done' ? 'ok' : 'bad'}`} role="status">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
