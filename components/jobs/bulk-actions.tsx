'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { INITIAL_ACTION_STATE } from '@/lib/actions/action-state';
import { bulkJobAction } from '@/lib/actions/bulk-actions';
import { BULK_ACTIONS, BULK_CAP, type BulkAction } from '@/lib/actions/bulk-limits';
import { useAnnounce } from '@/components/ui/action-announcer';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

interface Props {
  locale: string;
  /** The list's filter as URL parameters, sent along for "all matching this filter". */
  filterParams: Record<string, string | null>;
  /** How many jobs match the filter (null while unknown), and whether that is an estimate. */
  matching: { value: number; estimated: boolean } | null;
  filtered: boolean;
}

const selectedBoxes = () => Array.from(document.querySelectorAll<HTMLInputElement>('input[form="bulk-form"][name="jobId"]:checked'));

export function BulkActions({ locale, filterParams, matching, filtered }: Props) {
  const t = useTranslations('Bulk');
  const actions = useTranslations('JobAction');
  const announce = useAnnounce();
  const form = useRef<HTMLFormElement>(null);
  const [selected, setSelected] = useState(0);
  const [scope, setScope] = useState<'selected' | 'filter'>('selected');
  const [action, setAction] = useState<BulkAction>('retry');
  const [asking, setAsking] = useState(false);
  const [pending, startTransition] = useTransition();

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

  const filterCount = matching ? Math.min(matching.value, BULK_CAP) : 0;
  const capped = matching !== null && (matching.estimated || matching.value > BULK_CAP);
  const target = scope === 'selected' ? selected : filterCount;
  const filterLabel = matching
    ? capped
      ? t(filtered ? 'scopeFilterCapped' : 'scopeEverythingCapped', { cap: BULK_CAP, count: matching.value })
      : t(filtered ? 'scopeFilter' : 'scopeEverything', { count: matching.value })
    : t('scopeFilter', { count: 0 });

  return (
    <form
      id="bulk-form"
      ref={form}
      className="bulk"
      aria-label={t('title')}
      data-testid="bulk-actions"
      onSubmit={(event) => {
        event.preventDefault();
        if (target > 0) setAsking(true);
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="path" value={`/${locale}/jobs`} />
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
      <button type="submit" className="button" disabled={pending || target === 0} data-testid="bulk-apply">
        {t('applyTo', { action: actions(action), count: target })}
      </button>
      <span className="bulk-cap">{t('cap', { cap: BULK_CAP })}</span>
      <ConfirmDialog
        open={asking}
        question={t('confirm', { action: actions(action), count: target })}
        confirmLabel={actions(action)}
        danger={action === 'discard' || action === 'destroy'}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          const data = new FormData(form.current ?? undefined);
          startTransition(async () => {
            const answer = await bulkJobAction(INITIAL_ACTION_STATE, data);
            announce(answer);
            for (const box of selectedBoxes()) box.checked = false;
            setSelected(0);
          });
        }}
      />
    </form>
  );
}
