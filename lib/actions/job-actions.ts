'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { retryBatch } from '../commands/batch-commands';
import { discardBatch } from '../commands/discard-batch';
import { JOB_COMMANDS } from '../commands/job-commands';
import { getDb } from '../db/client';
import { faultOutcome, isFault } from '../db/load';
import { postedResultHref } from '../domain/action-result-url';
import { uuidSchema } from '../domain/ids';
import { JOB_ACTIONS } from '../domain/job-state';
import { LOCALES } from '../i18n/routing';
import { failureMessageKey, type ActionState } from './action-state';
import { admitAction } from './admit';
import { runCommand } from './remember-write';
import { logAction } from './audit';

/** The page to refresh afterwards: a path of ours under a locale, nothing else. */
const pagePath = z.string().max(300).regex(/^\/(?:en|ko|ja|ru)(?:\/[A-Za-z0-9_-]+)*$/);
const locale = z.enum(LOCALES);

const jobInput = z.object({ action: z.enum(JOB_ACTIONS), jobId: uuidSchema, locale, path: pagePath });
const batchInput = z.object({ batchId: uuidSchema, locale, path: pagePath });

export async function jobActionAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const gate = await admitAction(previous, received, jobInput, { name: (action) => action ?? 'unknown', subject: ({ jobId }) => ({ jobId }) });
  if ('refused' in gate) return gate.refused;
  const { input, caller, t, answer } = gate;
  const { action, jobId, path } = input;
  const result = await runCommand(() => JOB_COMMANDS[action](getDb(), jobId));
  const outcome = isFault(result) ? faultOutcome(result) : result;
  logAction(caller, { action, jobId, outcome });
  if (!isFault(result)) revalidatePath(path);
  // Posted without JavaScript (the job page's plain form): land on a page that says what happened.
  if (gate.form.get('via') === 'form') redirect(postedResultHref(path, input.locale, { action, outcome, jobId }));
  return answer(outcome, outcome === 'done' ? t(action, { id: jobId }) : t(failureMessageKey(outcome, 'job')));
}

/** What a batch action checks first (admitAction), with the batch named in the audit line. */
const admitBatchAction = (previous: unknown, received: unknown, action: 'retryBatch' | 'discardBatch') =>
  admitAction(previous, received, batchInput, { name: () => action, subject: ({ batchId }) => ({ batchId }) });

export async function retryBatchAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const gate = await admitBatchAction(previous, received, 'retryBatch');
  if ('refused' in gate) return gate.refused;
  const { input, caller, t, answer } = gate;
  const { batchId, path } = input;
  const result = await runCommand(() => retryBatch(getDb(), batchId));
  if (isFault(result)) {
    const outcome = faultOutcome(result);
    logAction(caller, { action: 'retryBatch', batchId, outcome });
    return answer(outcome, t(outcome));
  }
  logAction(caller, { action: 'retryBatch', batchId, outcome: result.outcome });
  revalidatePath(path);
  if (result.outcome === 'done') return answer('done', t('retryBatch', { id: batchId, count: result.retried }));
  return answer(result.outcome, t(failureMessageKey(result.outcome, 'batch')));
}

/** Discard batch: every unfinished batched job discarded, then the batch finished as GoodJob's worker would. */
export async function discardBatchAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const gate = await admitBatchAction(previous, received, 'discardBatch');
  if ('refused' in gate) return gate.refused;
  const { input, caller, t, answer } = gate;
  const { batchId, path } = input;
  const result = await runCommand(() => discardBatch(getDb(), batchId));
  if (isFault(result)) {
    const outcome = faultOutcome(result);
    logAction(caller, { action: 'discardBatch', batchId, outcome });
    return answer(outcome, t(outcome));
  }
  if (result.outcome === 'done') {
    logAction(caller, { action: 'discardBatch', batchId, outcome: `done: discarded ${result.discarded}, skipped ${result.skipped}` });
    revalidatePath(path);
    return answer('done', t('discardBatch', { id: batchId, discarded: result.discarded, skipped: result.skipped }));
  }
  logAction(caller, { action: 'discardBatch', batchId, outcome: result.outcome });
  if (result.outcome === 'needs_setting') {
    return answer('wrong_state', result.setting === 'GOOD_JOB_GLOBALID_APP' ? t('needsGlobalIdApp') : t('needsCallbackQueue', { jobClass: result.jobClass ?? '' }));
  }
  return answer(result.outcome, t(failureMessageKey(result.outcome, 'batch')));
}
