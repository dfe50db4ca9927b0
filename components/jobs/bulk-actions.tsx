'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { INITIAL_RUN_STATE, runFields } from '@/lib/actions/action-state';
import { bulkStepAction } from '@/lib/actions/run-actions';
import { BULK_ACTIONS, STEP_SIZE, type BulkAction } from '@/lib/domain/job-run';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { HiddenFields, PostedRunNotice } from '@/components/ui/posted-run';
import { RunPanel } from '@/components/ui/run-panel';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useStepRun } from '@/components/ui/use-step-run';
import { routes } from '@/lib/i18n/routes';

interface Props {
  locale: string;
  /** The list's filter as URL parameters, sent along for "all matching this filter". */
  filterParams: Record<string, string | null>;
  /** How many jobs match the filter (null while unknown), and whether that is an estimate. */
  matching: { value: number; estimated: boolean } | null;
  filtered: boolean;
}

const selectedBoxes = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[form="bulk-form"][name="jobId"]:checked'));

/**
 * The jobs list's bulk bar: an action on the ticked rows (one step) or on every job matching the filter (a run of
 * steps with progress and Stop, as many as it takes). Without JavaScript the form posts one step and the answer
 * offers Continue.
 */
export function BulkActions({ locale, filterParams, matching, filtered }: Props) {
  const t = useTranslations('Bulk');
  const runT = useTranslations('Run');
  const actions = useTranslations('JobAction');
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState(0);
  const [scope, setScope] = useState<'selected' | 'filter'>('selected');
  const [action, setAction] = useState<BulkAction>('retry');
  const [asking, setAsking] = useState(false);
  const [posted, formAction] = useActionState(bulkStepAction, INITIAL_RUN_STATE);
  const { view, start, resume, stop, dismiss } = useStepRun(bulkStepAction);
  const busy = view.phase === 'running' || view.phase === 'stopping';

  useEffect(() => {
    // Ticking a row means "these rows": the scope follows, so the two choices never get mixed up.
    const count = (event?: Event) => {
      setSelected(selectedBoxes().length);
      const box = event?.target;
      if (box instanceof HTMLInputElement && box.name === 'jobId' && box.checked) setScope('selected');
    };
    document.addEventListener('change', count);
    count();
    return () => document.removeEventListener('change', count);
  }, []);

  const filterCount = matching?.value ?? 0;
  const target = scope === 'selected' ? selected : filterCount;
  const filterLabel = matching
    ? matching.estimated
      ? t(filtered ? 'scopeFilterAbout' : 'scopeEverythingAbout', { count: matching.value })
      : t(filtered ? 'scopeFilter' : 'scopeEverything', { count: matching.value })
    : t('scopeFilter', { count: 0 });
  const path = routes.jobs(locale);

  return (
    <form
      id="bulk-form"
      ref={form}
      action={formAction}
      className="bulk"
      aria-label={t('title')}
      data-testid="bulk-actions"
      onSubmit={(event) => {
        event.preventDefault();
        if (target > 0 && !busy) setAsking(true);
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="path" value={path} />
      {Object.entries(filterParams).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <label>
        <span>{t('action')}</span>
        <select name="action" value={action} onChange={(e) => setAction(e.target.value as BulkAction)} data-testid="bulk-action">
          {BULK_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actions(a)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="bulk-scope">
        <legend className="visually-hidden">{t('title')}</legend>
        <label>
          <input type="radio" name="scope" value="selected" checked={scope === 'selected'} onChange={() => setScope('selected')} />
          <span data-testid="bulk-selected">{t('scopeSelected', { count: selected })}</span>
        </label>
        <label>
          <input type="radio" name="scope" value="filter" checked={scope === 'filter'} onChange={() => setScope('filter')} data-testid="bulk-scope-filter" />
          <span>{filterLabel}</span>
        </label>
      </fieldset>
      {/* Without JavaScript the count of ticked rows is unknown here: the button posts, the server checks. */}
      <button type="submit" className="button" disabled={hydrated && (busy || target === 0)} data-testid="bulk-apply">
        {t('applyTo', { action: actions(action), count: hydrated ? target : 0 })}
      </button>
      <span className="bulk-cap">{t('steps', { step: STEP_SIZE })}</span>
      <RunPanel view={view} onStop={stop} onContinue={resume} onDismiss={dismiss} />
      <PostedRunNotice posted={posted} />
      {posted.run && posted.run.status !== 'finished' ? (
        <>
          <HiddenFields fields={runFields(posted.run)} />
          <button type="submit" className="button button-primary" data-testid="run-continue-posted">
            {runT('continue')}
          </button>
        </>
      ) : null}
      <ConfirmDialog
        open={asking}
        question={t('confirm', { action: actions(action), count: target })}
        confirmLabel={actions(action)}
        danger={action === 'discard' || action === 'destroy'}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          const data = new FormData(form.current ?? undefined);
          if (scope === 'selected') for (const box of selectedBoxes()) box.checked = false;
          setSelected(0);
          start(data);
        }}
      />
    </form>
  );
}
