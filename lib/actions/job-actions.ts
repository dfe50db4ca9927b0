'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { retryBatch } from '../commands/batch-commands';
import { JOB_COMMANDS } from '../commands/job-commands';
import { getDb } from '../db/client';
import { faultOutcome, isFault } from '../db/load';
import { encodePostedResult, POSTED_COOKIE, postedResultTarget } from '../domain/action-result-url';
import { uuidSchema } from '../domain/ids';
import { JOB_ACTIONS } from '../domain/job-state';
import { LOCALES } from '../i18n/routing';
import { failureMessageKey, type ActionState } from './action-state';
import { serverAction } from './begin-action';
import { pagePath } from './paths';
import { runCommand } from './remember-write';
import { logAction } from './audit';
import { documentHref } from '../i18n/routes';

const locale = z.enum(LOCALES);
/** A single-shot action answers a refusal or a bug with the state as it is. */
const same = (state: ActionState) => state;

const jobInput = z.object({ action: z.enum(JOB_ACTIONS), jobId: uuidSchema, locale, path: pagePath });
const batchInput = z.object({ batchId: uuidSchema, locale, path: pagePath });

export async function jobActionAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const how = { name: (action: string | null) => action ?? 'unknown', subject: ({ jobId }: { jobId: string }) => ({ jobId }), entry: ({ input }: { input: { action: string; jobId: string } }) => ({ action: input.action, jobId: input.jobId }), refused: same, failed: same };
  return serverAction(previous, received, jobInput, how, async (gate) => {
    const { input, caller, t, answer } = gate;
    const { action, jobId, path } = input;
    const result = await runCommand(() => JOB_COMMANDS[action](getDb(), jobId));
    const outcome = isFault(result) ? faultOutcome(result) : result;
    logAction(caller, { action, jobId, outcome });
    if (!isFault(result)) revalidatePath(path);
    // Posted without JavaScript (the job page's plain form): land on a page that says what happened, told by a
    // one-time cookie for that page alone (proxy.ts hands it over once), never by the URL.
    if (gate.form.get('via') === 'form') {
      const result = { action, outcome, jobId };
      const target = postedResultTarget(path, input.locale, result);
      (await cookies()).set(POSTED_COOKIE, encodePostedResult(result), { httpOnly: true, sameSite: 'lax', path: documentHref(target), maxAge: 60 });
      redirect(target);
    }
    return answer(outcome, outcome === 'done' ? t(action, { id: jobId }) : t(failureMessageKey(outcome, 'job')));
  });
}

export async function retryBatchAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const how = { name: () => 'retryBatch', subject: ({ batchId }: { batchId: string }) => ({ batchId }), entry: ({ input }: { input: { batchId: string } }) => ({ action: 'retryBatch', batchId: input.batchId }), refused: same, failed: same };
  return serverAction(previous, received, batchInput, how, async (gate) => {
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
  });
}
