'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState } from 'react';
import { INITIAL_RUN_STATE, runFields, type RunProgress, type RunState } from '@/lib/actions/action-state';
import { skipped } from '@/lib/domain/job-run';
import { useAnnounce } from './action-announcer';

export type StepAction = (previous: RunState, form: FormData) => Promise<RunState>;

/** Where a run stands in the page: nothing yet, asking for steps, stopping after this one, or stopped short. */
export interface RunView {
  phase: 'idle' | 'running' | 'stopping' | 'stopped';
  progress: RunProgress | null;
}

const IDLE: RunView = { phase: 'idle', progress: null };

/**
 * Drives a run of steps (lib/actions/run-actions.ts): asks for the next step with the progress so far until the run
 * is over, Stop is pressed (after the step under way), or a step stops short. Every answer but the last running
 * ones is announced in the page's live region; a run that stopped keeps its progress for Continue.
 */
export function useStepRun(serverAction: StepAction) {
  const t = useTranslations('Run');
  const announce = useAnnounce();
  const router = useRouter();
  const [view, setView] = useState<RunView>(IDLE);
  const stopAsked = useRef(false);
  const fields = useRef<FormData | null>(null);

  const run = useCallback(
    async (base: FormData, from: RunProgress | null) => {
      fields.current = base;
      stopAsked.current = false;
      let progress = from;
      setView({ phase: 'running', progress });
      for (;;) {
        const data = new FormData();
        for (const [name, value] of base.entries()) data.append(name, value);
        if (progress) for (const [name, value] of Object.entries(runFields(progress))) data.set(name, value);
        let answer: RunState;
        try {
          answer = await serverAction(INITIAL_RUN_STATE, data);
        } catch {
          // No answer at all (the network, the server): what the steps before did stays done.
          announce({ outcome: 'unavailable', message: t('noAnswer', { button: t('continue') }), seq: Date.now() });
          setView({ phase: 'stopped', progress });
          return;
        }
        if (answer.run === null || answer.run.status !== 'running') {
          announce(answer);
          setView(answer.run?.status === 'halted' ? { phase: 'stopped', progress: answer.run } : IDLE);
          return;
        }
        progress = answer.run;
        if (stopAsked.current) {
          const tally = progress.tally;
          announce({ outcome: tally.done > 0 ? 'partial' : 'wrong_state', message: t('stoppedByYou', { done: tally.done, skipped: skipped(tally), button: t('continue') }), seq: Date.now() });
          setView({ phase: 'stopped', progress });
          // The steps so far changed rows the page shows.
          router.refresh();
          return;
        }
        setView({ phase: 'running', progress });
      }
    },
    [announce, router, serverAction, t],
  );

  return {
    view,
    start: (form: FormData) => void run(form, null),
    resume: () => {
      if (fields.current && view.progress) void run(fields.current, view.progress);
    },
    stop: () => {
      stopAsked.current = true;
      setView((v) => (v.phase === 'running' ? { ...v, phase: 'stopping' } : v));
    },
    dismiss: () => setView(IDLE),
  };
}
