'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { JsonView } from '@/components/ui/json-view';
import { inspectJobAction, type InspectResult } from '@/lib/actions/inspect-actions';

type Shown = { kind: 'idle' } | { kind: 'loading' } | InspectResult;

/**
 * A job's Inspect section whose JSON is read when it is opened (again on every opening, so it is never stale).
 * Without JavaScript it offers the job's page, which shows the same JSON; "Inspect all" renders them all at once.
 */
export function LazyInspect({ jobId, summary, jobHref }: { jobId: string; summary: string; jobHref: string }) {
  const t = useTranslations('Inspect');
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const load = async () => {
    setShown((previous) => ('json' in previous ? previous : { kind: 'loading' }));
    try {
      setShown(await inspectJobAction(jobId));
    } catch {
      setShown({ error: 'unavailable' });
    }
  };
  return (
    <details
      data-testid="inspect"
      onToggle={(event) => {
        if (event.currentTarget.open) void load();
      }}
    >
      <summary>{summary}</summary>
      {'json' in shown ? (
        <JsonView json={shown.json} />
      ) : 'error' in shown ? (
        <p className="muted" role="alert">
          {t(shown.error)}
        </p>
      ) : shown.kind === 'loading' ? (
        <p className="muted" aria-live="polite">
          {t('loading')}
        </p>
      ) : (
        <p className="muted">
          <Link href={jobHref}>{t('openJob')}</Link>
        </p>
      )}
    </details>
  );
}
