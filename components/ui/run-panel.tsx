'use client';

import { useTranslations } from 'next-intl';
import { handled } from '@/lib/domain/job-run';
import type { RunView } from './use-step-run';

interface Props {
  view: RunView;
  onStop: () => void;
  onContinue: () => void;
  onDismiss: () => void;
}

/** A run's progress ("3,500 of 12,800") with Stop while it runs, and Continue once it stopped short. */
export function RunPanel({ view, onStop, onContinue, onDismiss }: Props) {
  const t = useTranslations('Run');
  const dismiss = useTranslations('ActionResult');
  if (view.phase === 'idle') return null;
  const progress = view.progress;
  const taken = progress ? handled(progress.tally) : 0;
  const total = progress?.total ?? null;
  return (
    <div className="run-panel" data-testid="run-progress" data-phase={view.phase}>
      <span className="visually-hidden">{t('title')}</span>
      {total === null ? <progress /> : <progress max={Math.max(total, taken, 1)} value={taken} />}
      <span className="run-count" data-testid="run-count" aria-live="polite">
        {total === null ? '…' : t('progress', { done: taken, total, estimated: progress?.totalEstimated ? 'yes' : 'no' })}
      </span>
      {view.phase === 'running' ? (
        <button type="button" className="button" onClick={onStop} data-testid="run-stop">
          {t('stop')}
        </button>
      ) : null}
      {view.phase === 'stopping' ? <span className="muted">{t('stopping')}</span> : null}
      {view.phase === 'stopped' ? (
        <>
          <button type="button" className="button button-primary" onClick={onContinue} data-testid="run-continue">
            {t('continue')}
          </button>
          <button type="button" className="toast-close" onClick={onDismiss}>
            {dismiss('dismiss')}
          </button>
        </>
      ) : null}
    </div>
  );
}
