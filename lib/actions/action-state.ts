// What a server action returns to its form: the outcome and the localized sentence for the aria-live region.
export type ActionOutcome = 'done' | 'not_found' | 'wrong_state' | 'locked' | 'refused' | 'unauthorized' | 'unavailable' | 'busy' | 'invalid';

export interface ActionState {
  outcome: ActionOutcome | null;
  message: string;
  /** Changes with every answer, so that the same message said twice is announced twice. */
  seq: number;
}

export const INITIAL_ACTION_STATE: ActionState = { outcome: null, message: '', seq: 0 };

/** The message key for an outcome that is not `done`. */
export function failureMessageKey(outcome: Exclude<ActionOutcome, 'done'>, subject: 'job' | 'batch') {
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
