'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useState } from 'react';
import { JsonView } from '@/components/ui/json-view';
import { inspectJobAction, type InspectResult } from '@/lib/actions/inspect-actions';
import { documentHref } from '@/lib/i18n/routes';

type Shown = { loading: true } | InspectResult;

/**
 * The table's one Inspect loader: a job's JSON is read when its section is opened (again on every opening, so it is
 * never stale), and kept per job while the page lives.
 */
export function useInspect() {
  const [shown, setShown] = useState<Record<string, Shown>>({});
  const load = useCallback(async (id: string) => {
    setShown((all) => (all[id] && 'json' in all[id] ? all : { ...all, [id]: { loading: true } }));
    let result: InspectResult;
    try {
      result = await inspectJobAction(id);
    } catch {
      result = { error: 'unavailable' };
    }
    setShown((all) => ({ ...all, [id]: result }));
  }, []);
  return { shown, load };
}

interface Props {
  job: { id: string; json?: string };
  /** "Inspect all": open, with the JSON the row carries. */
  open: boolean;
  summary: string;
  jobHref: string;
  loader: ReturnType<typeof useInspect>;
}

/** A job's Inspect section. Without JavaScript it offers the job's page, which shows the same JSON. */
export function InspectSection({ job, open, summary, jobHref, loader }: Props) {
  const t = useTranslations('Inspect');
  if (open && job.json !== undefined) {
    return (
      <details data-testid="inspect" open>
        <summary>{summary}</summary>
        <JsonView json={job.json} />
      </details>
    );
  }
  const shown = loader.shown[job.id];
  return (
    <details
      data-testid="inspect"
      onToggle={(event) => {
        if (event.currentTarget.open) void loader.load(job.id);
      }}
    >
      <summary>{summary}</summary>
      {shown === undefined ? (
        <p className="muted">
          <a href={documentHref(jobHref)}>{t('openJob')}</a>
        </p>
      ) : 'json' in shown ? (
        <JsonView json={shown.json} />
      ) : 'error' in shown ? (
        <p className="muted" role="alert">
          {t(shown.error)}
        </p>
      ) : (
        <p className="muted" aria-live="polite">
          {t('loading')}
        </p>
      )}
    </details>
  );
}
