// Pure: the words arrive as translators (lib/actions/run-actions.ts passes next-intl's; the unit test its own).
import type { NeedsSetting } from '../commands/batch-callbacks';
import type { CallbackEvent } from '../domain/batch-callback';
import { handled, type BulkAction, type Tally } from '../domain/job-run';
import type { RunProgress } from './action-state';

/** GoodJob's names of the batch columns that hold each callback class. */
const CALLBACK_COLUMN: Record<CallbackEvent, string> = { discard: 'on_discard', success: 'on_success', finish: 'on_finish' };

type Translate = (key: string, values?: Record<string, string | number>) => string;
/** The namespaces the sentences come from: Run, ActionResult, JobAction, BatchActions. */
export interface RunWords {
  run: Translate;
  result: Translate;
  label: Translate;
  batchActions: Translate;
}

export type RunTranslator = ReturnType<typeof runSentences>;

/**
 * The sentences a run's steps answer with, in the request's language: what the run did so far (done, skipped and
 * why), then where it stands. Each is a whole sentence of messages/*.json; `Run.join` sets two side by side as the
 * language does (no space between Japanese sentences).
 */
export function runSentences({ run: t, result, label, batchActions }: RunWords) {
  const button = t('continue');
  const join = (...sentences: string[]) => sentences.filter((s) => s !== '').reduce((first, second) => (first === '' ? second : t('join', { first, second })), '');
  const skips = (tally: Tally) =>
    join(tally.held > 0 ? t('skippedHeld', { count: tally.held }) : '', tally.changed + tally.gone > 0 ? t('skippedChanged', { count: tally.changed + tally.gone }) : '');
  const discarded = (id: string, tally: Tally) => join(t('batchDiscarded', { id, done: tally.done }), skips(tally));
  const progress = (run: RunProgress) => ({ done: handled(run.tally), total: run.total ?? 0, estimated: run.totalEstimated ? 'yes' : 'no' });

  return {
    nothingChanged: (reason: 'busy' | 'unavailable' | 'error') => result(reason),
    stopped: (reason: 'busy' | 'unavailable' | 'error', tally: Tally, subject: { batchId?: string; action?: string }) =>
      join(subject.batchId ? discarded(subject.batchId, tally) : t('bulkDone', { action: label(subject.action as BulkAction), done: tally.done }), subject.batchId ? '' : skips(tally), t('stopped', { reason, button })),
    batchGone: (tally: Tally) => (tally.done > 0 ? join(t('batchGone'), t('discardedBefore', { done: tally.done })) : result('notFound')),
    batchFinished: (id: string, tally: Tally) => (tally.done > 0 ? join(t('batchFinishedMeanwhile', { id }), t('discardedBefore', { done: tally.done })) : t('batchAlreadyFinished', { id })),
    needsSetting: (need: NeedsSetting, done: number) => {
      const why =
        need.setting === 'GOOD_JOB_GLOBALID_APP'
          ? t('needsGlobalIdApp')
          : 'invalid' in need
            ? t('callbackQueuesInvalid', { entries: need.invalid.join(', ') })
            : t('needsCallbackQueue', { jobClass: need.jobClass });
      return join(done > 0 ? t('discardedNotFinished', { done }) : result('nothingChangedShort'), why);
    },
    discardBatchProgress: (id: string, run: RunProgress) => t('batchProgress', { id, ...progress(run), button }),
    discardBatchDone: (id: string, tally: Tally, finish: { discarded: boolean; callbacks: CallbackEvent[]; open: number; finished: boolean }) => {
      const state = !finish.discarded ? t('batchNotDiscarded') : finish.open > 0 ? t('batchWaiting', { open: finish.open }) : finish.finished ? t('batchDiscardedFinished') : t('batchCallbacksPending');
      const callbacks = finish.callbacks.length > 0 ? t('callbacksEnqueued', { callbacks: finish.callbacks.map((e) => CALLBACK_COLUMN[e]).join(', ') }) : '';
      return join(discarded(id, tally), state, callbacks);
    },
    finishPending: (id: string, tally: Tally, reason: 'locked' | 'busy' | 'unavailable' | 'error') => join(discarded(id, tally), t('finishPending', { reason, button: batchActions('discardBatch') })),
    bulkProgress: (action: BulkAction, run: RunProgress) => t('bulkProgress', { action: label(action), ...progress(run), button }),
    bulkDone: (action: BulkAction, tally: Tally) => join(t('bulkDone', { action: label(action), done: tally.done }), skips(tally)),
    bulkNothing: (action: BulkAction) => t('bulkNothing', { action: label(action) }),
  };
}
