'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { runCronNow } from '../commands/cron-commands';
import { disableCronKey, enableCronKey, pause, unpause } from '../commands/setting-commands';
import { getDb } from '../db/client';
import { faultOutcome, isFault } from '../db/load';
import { CRON_KEYS_DISABLED, CRON_KEYS_ENABLED, PAUSE_KINDS, PAUSES } from '../domain/settings';
import { LOCALES, type Locale } from '../i18n/routing';
import type { ActionState } from './action-state';
import { serverAction } from './begin-action';
import { runCommand } from './remember-write';
import { logAction } from './audit';

/** Names are GoodJob's own (queue, class, label, cron key): any text but blank, at most 1 KB, as the filters take. */
const name = z.string().max(1024).refine((v) => v.trim().length > 0);
const locale = z.enum(LOCALES);
const cronInput = z.object({ action: z.enum(['cronEnable', 'cronDisable', 'cronRunNow']), cronKey: name, locale });
const pauseInput = z.object({ action: z.enum(['pause', 'resume']), kind: z.enum(PAUSE_KINDS), value: name, locale });

/** A setting action answers a refusal or a bug with the state as it is. */
const same = (state: ActionState) => state;

/** A setting changes what every page shows (pause markers, cron states): the locale's pages are refreshed. */
const refresh = (loc: Locale) => revalidatePath(`/${loc}`, 'layout');

export async function cronAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const how = { name: (action: string | null) => action ?? 'setting', entry: ({ input }: { input: { action: string; cronKey: string } }) => ({ action: input.action, cronKey: input.cronKey }), refused: same, failed: same };
  return serverAction(previous, received, cronInput, how, async (gate) => {
    const { input, caller, t, answer } = gate;
    const { action, cronKey } = input;
    if (action === 'cronRunNow') {
      const result = await runCommand(() => runCronNow(getDb(), cronKey));
      if (isFault(result)) {
        logAction(caller, { action, cronKey, outcome: faultOutcome(result) });
        return answer(faultOutcome(result), t(faultOutcome(result)));
      }
      logAction(caller, { action, cronKey, outcome: result.outcome, ...(result.outcome === 'done' ? { jobId: result.jobId } : {}) });
      if (result.outcome === 'not_found') return answer('not_found', t('cronNotFound', { key: cronKey }));
      refresh(input.locale);
      return answer('done', t('cronRunNow', { key: cronKey, id: result.jobId }));
    }
    const result = await runCommand(() => (action === 'cronEnable' ? enableCronKey : disableCronKey)(getDb(), cronKey));
    const outcome = isFault(result) ? faultOutcome(result) : result;
    logAction(caller, { action, cronKey, outcome });
    if (isFault(result)) return answer(outcome, t(faultOutcome(result)));
    if (result === 'wrong_state') return answer('wrong_state', t('settingWrongShape', { key: `${CRON_KEYS_ENABLED}, ${CRON_KEYS_DISABLED}` }));
    refresh(input.locale);
    return answer('done', t(action === 'cronEnable' ? 'cronEnabled' : 'cronDisabled', { key: cronKey }));
  });
}

export async function pauseAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const how = { name: (action: string | null) => action ?? 'setting', entry: ({ input }: { input: { action: string; kind: string; value: string } }) => ({ action: input.action, kind: input.kind, value: input.value }), refused: same, failed: same };
  return serverAction(previous, received, pauseInput, how, async (gate) => {
    const { input, caller, t, answer } = gate;
    const { action, kind, value } = input;
    const result = await runCommand(() => (action === 'pause' ? pause : unpause)(getDb(), kind, value));
    const outcome = isFault(result) ? faultOutcome(result) : result;
    logAction(caller, { action, kind, value, outcome });
    if (isFault(result)) return answer(outcome, t(faultOutcome(result)));
    if (result === 'wrong_state') return answer('wrong_state', t('settingWrongShape', { key: PAUSES }));
    refresh(input.locale);
    return answer('done', t(action === 'pause' ? 'paused' : 'resumed', { kind, value }));
  });
}
