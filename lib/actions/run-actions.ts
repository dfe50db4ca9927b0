'use server';

// Long actions as runs of steps (lib/domain/job-run.ts), one server action call per step: Discard batch, and bulk
// actions over the jobs list's filter or a Discard Cleaner group (or the rows ticked in the list). The page sends
// each step the run's progress so far and gets the next; every step is checked, audited and counted on its own, and
// its answer says what the whole run did so far. Without JavaScript each post is one step and the page it answers
// with offers to continue.
import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { discardBatchStep, type DiscardBatchStep, type FinishResult } from '../commands/discard-batch';
import { actOnJobs } from '../commands/job-set';
import { getDb } from '../db/client';
import { faultOutcome, isFault, logUnexpected, type CommandFault } from '../db/load';
import { decodeCursor, encodeCursor } from '../domain/cursor';
import { uuidSchema, parseUuid } from '../domain/ids';
import { parseJobFilter } from '../domain/job-filter';
import { advanceRun, BULK_ACTIONS, EMPTY_TALLY, runFromFields, runOutcome, skipped, STEP_SIZE, tallyOf, tallyOutcome, type Tally } from '../domain/job-run';
import { LOCALES, type Locale } from '../i18n/routing';
import { countJobsForAction, nextJobsForAction } from '../queries/jobs';
import type { ActionState, RunProgress, RunState } from './action-state';
import { serverAction, type Answer } from './begin-action';
import { logAction, type AuditEntry } from './audit';
import type { Caller } from './authorize';
import { bulkPagePath, pagePath } from './paths';
import { runCommand } from './remember-write';
import { runSentences, type RunTranslator, type RunWords } from './run-messages';

const locale = z.enum(LOCALES);
const batchInput = z.object({ batchId: uuidSchema, locale, path: pagePath });
const bulkInput = z.object({ action: z.enum(BULK_ACTIONS), scope: z.enum(['selected', 'filter']), locale, path: bulkPagePath });

async function runTranslator(locale: Locale): Promise<RunTranslator> {
  const [run, result, label, batchActions] = await Promise.all(
    (['Run', 'ActionResult', 'JobAction', 'BatchActions'] as const).map((namespace) => getTranslations({ locale, namespace })),
  );
  return runSentences({ run, result, label, batchActions } as unknown as RunWords);
}

/** The run as the page sent it back with this step (a new one when it names none). */
const priorRun = (form: FormData) => runFromFields((name) => form.get(name), randomUUID);
/** The run a step continues (or a new one), read from its form once: the audit line, the answer and the step agree. */
const onceRun = () => {
  let run: RunProgress | undefined;
  return (form: FormData) => (run ??= priorRun(form));
};
/** A step refused before it started answers with no run; one that failed with its run halted. */
const noRun = (state: ActionState): RunState => ({ ...state, run: null });
const halt = (state: ActionState, run: RunProgress): RunState => ({ ...state, run: { ...run, status: 'halted' } });

/** One step's audit line: the step's own outcome and counts, the run and step it belongs to. */
function auditStep(caller: Caller, run: RunProgress, entry: Omit<AuditEntry, 'run' | 'step'>) {
  logAction(caller, { ...entry, run: run.id, step: run.step + 1 });
}

/** A fault in a step: that step changed nothing; the run so far stays as it was, to be continued. */
function halted(answer: Answer, m: RunTranslator, run: RunProgress, fault: CommandFault, subject: { batchId?: string; action?: string }): RunState {
  const reason = faultOutcome(fault);
  const next = { ...run, status: 'halted' as const };
  if (run.tally.done === 0 && skipped(run.tally) === 0) return { ...answer(reason, m.nothingChanged(reason)), run: next };
  return { ...answer(runOutcome(run.tally, reason), m.stopped(reason, run.tally, subject)), run: next };
}

export async function discardBatchStepAction(previous: RunState, received: FormData): Promise<RunState> {
  const runOf = onceRun();
  const how = {
    name: () => 'discardBatch',
    subject: ({ batchId }: { batchId: string }) => ({ batchId }),
    entry: (gate: { form: FormData; input: { batchId: string } }) => ({ action: 'discardBatch', batchId: gate.input.batchId, run: runOf(gate.form).id }),
    refused: noRun,
    failed: (state: ActionState, gate: { form: FormData }) => halt(state, runOf(gate.form)),
  };
  return serverAction(previous, received, batchInput, how, async (gate) => {
    const run = runOf(gate.form);
    const { input, caller, answer } = gate;
    const { batchId, path } = input;
    const m = await runTranslator(input.locale);
    const result = await runCommand(() => discardBatchStep(getDb(), batchId, decodeCursor(run.cursor)));
    if (isFault(result)) {
      auditStep(caller, run, { action: 'discardBatch', batchId, outcome: faultOutcome(result) });
      revalidatePath(path);
      return halted(answer, m, run, result, { batchId });
    }
    const state = discardBatchAnswer(answer, m, run, batchId, result);
    auditStep(caller, run, { action: 'discardBatch', batchId, ...stepAudit(result) });
    if (state.run?.status !== 'running') revalidatePath(path);
    return state;
  });
}

/** The audit line's outcome and counts for one Discard batch step. */
function stepAudit(result: DiscardBatchStep): Pick<AuditEntry, 'outcome' | 'counts' | 'callbacks' | 'reason'> {
  if (result.outcome === 'needs_setting') return { outcome: 'wrong_state', reason: `needs ${result.setting}` };
  if (result.outcome !== 'step' && result.outcome !== 'last') return { outcome: result.outcome };
  const counts = result.tally;
  if (result.outcome === 'step') return { outcome: tallyOutcome(counts), counts };
  const { finish } = result;
  if (finish.outcome === 'done') return { outcome: tallyOutcome(counts), counts, callbacks: finish.callbacks };
  // The jobs of this step were discarded; the batch was not continued, and why.
  const reason = finish.outcome === 'needs_setting' ? `needs ${finish.setting}` : `finish ${finish.outcome}`;
  return { outcome: counts.done > 0 ? 'partial' : finish.outcome === 'needs_setting' ? 'wrong_state' : finish.outcome, counts, reason };
}

function discardBatchAnswer(answer: Answer, m: RunTranslator, run: RunProgress, batchId: string, result: DiscardBatchStep): RunState {
  // The first step counts the batch's unfinished jobs, exactly.
  const total = 'total' in result && result.total !== null ? { value: result.total, estimated: false } : null;
  switch (result.outcome) {
    case 'not_found':
      return { ...answer(runOutcome(run.tally, 'not_found'), m.batchGone(run.tally)), run: { ...run, status: 'finished' } };
    case 'wrong_state':
      return { ...answer(runOutcome(run.tally, 'wrong_state'), m.batchFinished(batchId, run.tally)), run: { ...run, status: 'finished' } };
    case 'needs_setting':
      return { ...answer(runOutcome(run.tally, 'wrong_state'), m.needsSetting(result, run.tally.done)), run: { ...run, status: 'finished' } };
    case 'step': {
      const next = advanceRun(run, result.tally, 'running', encodeCursor(result.next), total);
      return { ...answer(tallyOutcome(next.tally), m.discardBatchProgress(batchId, next)), run: next };
    }
    case 'last':
      return finishAnswer(answer, m, run, batchId, result.tally, result.finish, total);
  }
}

function finishAnswer(answer: Answer, m: RunTranslator, run: RunProgress, batchId: string, tally: Tally, finish: FinishResult, total: { value: number; estimated: boolean } | null): RunState {
  const over = advanceRun(run, tally, 'finished', '', total);
  switch (finish.outcome) {
    case 'done':
      return { ...answer(tallyOutcome(over.tally), m.discardBatchDone(batchId, over.tally, finish)), run: over };
    case 'needs_setting':
      return { ...answer(runOutcome(over.tally, 'wrong_state'), m.needsSetting(finish, over.tally.done)), run: over };
    case 'not_found':
      return { ...answer(runOutcome(over.tally, 'not_found'), m.batchGone(over.tally)), run: over };
    default: {
      // The batch lock was busy, or the finish failed: the jobs stay discarded; the next try finishes the batch.
      if (finish.outcome === 'error') logUnexpected('discard_batch_finish_failed', finish.error);
      const reason = finish.outcome === 'error' ? 'error' : finish.outcome;
      return { ...answer(runOutcome(over.tally, reason), m.finishPending(batchId, over.tally, reason)), run: { ...over, status: 'halted' } };
    }
  }
}

export async function bulkStepAction(previous: RunState, received: FormData): Promise<RunState> {
  const runOf = onceRun();
  const how = {
    name: (action: string | null) => `bulk:${action ?? 'unknown'}`,
    entry: (gate: { form: FormData; input: { action: string } }) => ({ action: `bulk:${gate.input.action}`, run: runOf(gate.form).id }),
    refused: noRun,
    failed: (state: ActionState, gate: { form: FormData }) => halt(state, runOf(gate.form)),
  };
  return serverAction(previous, received, bulkInput, how, async (gate) => {
    const run = runOf(gate.form);
    const { form, caller, answer, t } = gate;
    const { action, scope, path } = gate.input;
    const m = await runTranslator(gate.input.locale);
    const name = `bulk:${action}`;
    const selected = [...new Set(form.getAll('jobId').map(parseUuid).filter((id): id is string => id !== null))];
    if (scope === 'selected' && (selected.length === 0 || selected.length > STEP_SIZE)) {
      logAction(caller, { action: name, outcome: 'invalid' });
      return { ...answer('invalid', t('invalid')), run: null };
    }
    const filter = parseJobFilter(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>);
    const result = await runCommand(async () => {
      const db = getDb();
      if (scope === 'selected') return { tally: tallyOf(await actOnJobs(db, selected, action)), cursor: null, total: { value: selected.length, estimated: false } };
      const now = new Date();
      const total = run.step === 0 ? await countJobsForAction(db, filter, action, now) : null;
      const page = await nextJobsForAction(db, filter, action, decodeCursor(run.cursor), now, STEP_SIZE);
      const tally = page.ids.length === 0 ? EMPTY_TALLY : tallyOf(await actOnJobs(db, page.ids, action));
      return { tally, cursor: page.ids.length === STEP_SIZE && page.last ? encodeCursor(page.last) : null, total };
    });
    if (isFault(result)) {
      auditStep(caller, run, { action: name, outcome: faultOutcome(result) });
      revalidatePath(path);
      return halted(answer, m, run, result, { action });
    }
    auditStep(caller, run, { action: name, outcome: tallyOutcome(result.tally), counts: result.tally });
    const next = advanceRun(run, result.tally, result.cursor === null ? 'finished' : 'running', result.cursor ?? '', result.total);
    if (next.status === 'running') return { ...answer(tallyOutcome(next.tally), m.bulkProgress(action, next)), run: next };
    revalidatePath(path);
    if (next.tally.done === 0 && skipped(next.tally) === 0) return { ...answer('wrong_state', m.bulkNothing(action)), run: next };
    return { ...answer(tallyOutcome(next.tally), m.bulkDone(action, next.tally)), run: next };
  });
}

