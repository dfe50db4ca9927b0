// What a server action returns to its form: the outcome and the localized sentence for the aria-live region.
import type { RunProgress } from '../domain/job-run';

export type { RunProgress };

import type { ActionOutcome } from '../domain/action-outcome';

export type { ActionOutcome };

export interface ActionState {
  outcome: ActionOutcome | null;
  message: string;
  /** Changes with every answer, so that the same message said twice is announced twice. */
  seq: number;
}

export const INITIAL_ACTION_STATE: ActionState = { outcome: null, message: '', seq: 0 };

/** A step's answer: its sentence, and the run's progress (null when the run did not start: refused, invalid…). */
export interface RunState extends ActionState {
  run: RunProgress | null;
}

export const INITIAL_RUN_STATE: RunState = { ...INITIAL_ACTION_STATE, run: null };

export { runFields } from '../domain/job-run';

/** The message key for an outcome that is not `done`. */
export function failureMessageKey(outcome: Exclude<ActionOutcome, 'done' | 'partial'>, subject: 'job' | 'batch') {
  switch (outcome) {
    case 'not_found':
      return 'notFound';
    case 'wrong_state':
      return 'wrongState';
    case 'locked':
      return subject === 'batch' ? 'batchLocked' : 'locked';
    default:
      return outcome;
  }
}

/**
 * The sequence number of the next answer. Server actions are public endpoints: what arrives as "the previous state"
 * is whatever a request decoded to, so nothing is assumed about it.
 */
export function nextSeq(previous: unknown): number {
  const seq = (previous as { seq?: unknown } | null | undefined)?.seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq + 1 : 1;
}
