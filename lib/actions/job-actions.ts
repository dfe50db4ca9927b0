'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { retryBatch } from '../commands/batch-commands';
import { discardBatch } from '../commands/discard-batch';
import { JOB_COMMANDS } from '../commands/job-commands';
import { isReadOnly } from '../config';
import { getDb } from '../db/client';
import { commandOrFault, faultOutcome, isFault } from '../db/load';
import { uuidSchema } from '../domain/ids';
import { JOB_ACTIONS } from '../domain/job-state';
import { LOCALES } from '../i18n/routing';
import { failureMessageKey, nextSeq, type ActionOutcome, type ActionState } from './action-state';
import { logAction } from './audit';
import { authorizeAction, type Caller } from './authorize';

/** The page to refresh afterwards: a path of ours under a locale, nothing else. */
const pagePath = z.string().max(300).regex(/^\/(?:en|ko|ja|ru)(?:\/[A-Za-z0-9_-]+)*$/);
const locale = z.enum(LOCALES);

const jobInput = z.object({ action: z.enum(JOB_ACTIONS), jobId: uuidSchema, locale, path: pagePath });
const batchInput = z.object({ batchId: uuidSchema, locale, path: pagePath });

export async function jobActionAction(previous: ActionState, received: FormData): Promise<ActionState> {
  // A public endpoint: a request may decode to anything. Not a form → an empty one, which is answered as invalid.
  const form = received instanceof FormData ? received : new FormData();
  const input = jobInput.safeParse(Object.fromEntries(form));
  const t = await getTranslations({ locale: input.success ? input.data.locale : 'en', namespace: 'ActionResult' });
  const answer = (outcome: ActionOutcome, message: string): ActionState => ({ outcome, message, seq: nextSeq(previous) });
  const { ok, caller } = await authorizeAction();
  if (!ok) {
    logAction(caller, { action: String(form.get('action') ?? 'unknown'), outcome: 'unauthorized' });
    return answer('unauthorized', t('unauthorized'));
  }
  if (!input.success) {
    logAction(caller, { action: String(form.get('action') ?? 'unknown'), outcome: 'invalid' });
    return answer('invalid', t('invalid'));
  }
  const { action, jobId, path } = input.data;
  if (isReadOnly()) {
    logAction(caller, { action, jobId, outcome: 'refused' });
    return answer('refused', t('refused'));
  }
  const result = await commandOrFault(() => JOB_COMMANDS[action](getDb(), jobId));
  const outcome = isFault(result) ? faultOutcome(result) : result;
  logAction(caller, { action, jobId, outcome });
  if (!isFault(result)) revalidatePath(path);
  return answer(outcome, outcome === 'done' ? t(action, { id: jobId }) : t(failureMessageKey(outcome, 'job')));
}

type BatchGate =
  | { refused: ActionState }
  | { batchId: string; path: string; caller: Caller; t: Awaited<ReturnType<typeof getTranslations<'ActionResult'>>>; answer: (outcome: ActionOutcome, message: string) => ActionState };

/** What a batch action checks first: a form, a caller allowed to act, a valid batch id and path, not read-only. */
async function admitBatchAction(previous: unknown, received: unknown, action: 'retryBatch' | 'discardBatch'): Promise<BatchGate> {
  // A public endpoint: a request may decode to anything. Not a form → an empty one, which is answered as invalid.
  const form = received instanceof FormData ? received : new FormData();
  const input = batchInput.safeParse(Object.fromEntries(form));
  const t = await getTranslations({ locale: input.success ? input.data.locale : 'en', namespace: 'ActionResult' });
  const answer = (outcome: ActionOutcome, message: string): ActionState => ({ outcome, message, seq: nextSeq(previous) });
  const { ok, caller } = await authorizeAction();
  if (!ok) {
    logAction(caller, { action, outcome: 'unauthorized' });
    return { refused: answer('unauthorized', t('unauthorized')) };
  }
  if (!input.success) {
    logAction(caller, { action, outcome: 'invalid' });
    return { refused: answer('invalid', t('invalid')) };
  }
  const { batchId, path } = input.data;
  if (isReadOnly()) {
    logAction(caller, { action, batchId, outcome: 'refused' });
    return { refused: answer('refused', t('refused')) };
  }
  return { batchId, path, caller, t, answer };
}

export async function retryBatchAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const gate = await admitBatchAction(previous, received, 'retryBatch');
  if ('refused' in gate) return gate.refused;
  const { batchId, path, caller, t, answer } = gate;
  const result = await commandOrFault(() => retryBatch(getDb(), batchId));
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
  const { batchId, path, caller, t, answer } = gate;
  const result = await commandOrFault(() => discardBatch(getDb(), batchId));
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
