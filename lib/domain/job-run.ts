// Long actions in bounded steps (Discard batch, bulk actions over a filter, the Cleaner's Retry all / Destroy all):
// each step one request and one transaction over at most STEP_SIZE jobs, the page asking for the next until the set
// is done. The set is defined by the batch or the filter, never by a list carried along, so a run stopped anywhere is
// continued by running the same action again. Pure: the counting and the outcome words; no I/O.
import { parseUuid } from './ids';

/** The most jobs one step acts on: one transaction of GoodJob's locks and updates, well inside ~2 s (npm run bench). */
export const STEP_SIZE = 500;

/** What became of the jobs a step (or a run so far) took up. */
export interface Tally {
  /** Changed by the action. */
  done: number;
  /** Left as they were: a worker (or another action) holds them. */
  held: number;
  /** Left as they were: their state no longer allows the action (finished or started meanwhile, for instance). */
  changed: number;
  /** No longer there (destroyed meanwhile). */
  gone: number;
}

export const EMPTY_TALLY: Tally = { done: 0, held: 0, changed: 0, gone: 0 };

export const addTally = (a: Tally, b: Tally): Tally => ({ done: a.done + b.done, held: a.held + b.held, changed: a.changed + b.changed, gone: a.gone + b.gone });

export const skipped = (t: Tally) => t.held + t.changed + t.gone;

/** The jobs a run took up so far, changed or not: its progress. */
export const handled = (t: Tally) => t.done + skipped(t);

/** The tally of one step's result lists. */
export const tallyOf = (r: { done: readonly unknown[]; held: readonly unknown[]; changed: readonly unknown[]; gone: readonly unknown[] }): Tally => ({
  done: r.done.length,
  held: r.held.length,
  changed: r.changed.length,
  gone: r.gone.length,
});

/**
 * A step's outcome, as the audit line and dashboard_actions_total record it: `done` when every job it took up was
 * changed (or there was none left), `partial` when some were and others were skipped, else why nothing changed.
 */
export function tallyOutcome(t: Tally): 'done' | 'partial' | 'locked' | 'wrong_state' | 'not_found' {
  if (skipped(t) === 0) return 'done';
  if (t.done > 0) return 'partial';
  if (t.held > 0) return 'locked';
  return t.changed > 0 ? 'wrong_state' : 'not_found';
}

/** A count sent back by the page (a run's progress so far): a whole number, else 0. */
export function countField(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : 0;
  return Number.isSafeInteger(n) ? n : 0;
}

/** The run's progress so far as the page sends it with the next step. */
export function tallyFromFields(get: (name: string) => unknown): Tally {
  return { done: countField(get('runDone')), held: countField(get('runHeld')), changed: countField(get('runChanged')), gone: countField(get('runGone')) };
}

/** The actions a run over many jobs offers (the jobs list's bulk bar, the Cleaner). */
export const BULK_ACTIONS = ['retry', 'discard', 'reschedule', 'destroy'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** A run of steps (lib/domain/job-run.ts) as far as it got, sent back by the page with the next step. */
export interface RunProgress {
  /** Names the run in the audit lines of its steps. */
  id: string;
  /** Steps done so far. */
  step: number;
  /**
   * `running`: the page asks for the next step; `halted`: a step stopped short (busy, a lock, a fault) and Continue
   * asks for it again; `finished`: nothing more to ask for.
   */
  status: 'running' | 'halted' | 'finished';
  /** Where the next step starts (opaque; empty: from the beginning of the set). */
  cursor: string;
  /** What the run's steps did so far. */
  tally: Tally;
  /** The jobs the run had to take when it began, and whether that count is the planner's estimate. */
  total: number | null;
  totalEstimated: boolean;
}

/** The form fields that carry a run's progress to its next step (read back by lib/actions/run-actions.ts). */
export function runFields(run: RunProgress): Record<string, string> {
  return {
    run: run.id,
    runStep: String(run.step),
    cursor: run.cursor,
    runDone: String(run.tally.done),
    runHeld: String(run.tally.held),
    runChanged: String(run.tally.changed),
    runGone: String(run.tally.gone),
    runTotal: run.total === null ? '' : String(run.total),
    runTotalEstimated: run.totalEstimated ? '1' : '',
  };
}

/**
 * The run as the page sends it back with its next step (runFields): a new run (step 0, nothing done) when it names
 * none. Counts it cannot read are 0: they only shape the answer's words, never what a step does.
 */
export function runFromFields(get: (name: string) => unknown, newId: () => string): RunProgress {
  const id = parseUuid(get('run'));
  const total = get('runTotal');
  if (id === null) return { id: newId(), step: 0, status: 'running', cursor: '', tally: EMPTY_TALLY, total: null, totalEstimated: false };
  return {
    id,
    step: countField(get('runStep')),
    status: 'running',
    cursor: String(get('cursor') ?? ''),
    tally: tallyFromFields(get),
    total: typeof total === 'string' && total !== '' ? countField(total) : null,
    totalEstimated: get('runTotalEstimated') === '1',
  };
}

/** The run after a step that did `tally` and ended `status`, continuing at `cursor` (the first step sets the total). */
export function advanceRun(run: RunProgress, tally: Tally, status: RunProgress['status'], cursor: string, total?: { value: number; estimated: boolean } | null): RunProgress {
  return { ...run, step: run.step + 1, status, cursor, tally: addTally(run.tally, tally), ...(total ? { total: total.value, totalEstimated: total.estimated } : {}) };
}

/** The outcome of a run that stopped short for `stopped`: `partial` once anything was done, else that reason. */
export function runOutcome<S extends string>(tally: Tally, stopped: S): S | 'partial' {
  return tally.done > 0 ? 'partial' : stopped;
}
