'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { runBulk } from '../commands/bulk-run';
import { JOB_COMMANDS } from '../commands/job-commands';
import { getDb } from '../db/client';
import { faultOutcome, isFault } from '../db/load';
import { parseJobFilter } from '../domain/job-filter';
import { parseUuid } from '../domain/ids';
import { LOCALES } from '../i18n/routing';
import { selectJobIds } from '../queries/jobs';
import type { ActionState } from './action-state';
import { admitAction } from './admit';
import { runCommand } from './remember-write';
import { logAction } from './audit';
import { BULK_ACTIONS, BULK_CAP } from './bulk-limits';

const input = z.object({
  action: z.enum(BULK_ACTIONS),
  scope: z.enum(['selected', 'filter']),
  locale: z.enum(LOCALES),
  path: z.string().max(300).regex(/^\/(?:en|ko|ja|ru)\/(?:jobs|cleaner)$/),
});

/** Retry / discard / reschedule / destroy many jobs: each job in its own transaction, with GoodJob's locks. */
export async function bulkJobAction(previous: ActionState, received: FormData): Promise<ActionState> {
  const gate = await admitAction(previous, received, input, { name: (action) => `bulk:${action ?? 'unknown'}` });
  if ('refused' in gate) return gate.refused;
  const { form, caller, t, answer } = gate;
  const { action, scope, locale, path } = gate.input;
  const filter = parseJobFilter(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>);
  const result = await runCommand(async () => {
    const db = getDb();
    const ids =
      scope === 'selected'
        ? [...new Set(form.getAll('jobId').map(parseUuid).filter((id): id is string => id !== null))].slice(0, BULK_CAP)
        : await selectJobIds(db, filter, new Date(), BULK_CAP);
    return runBulk(db, ids, JOB_COMMANDS[action]);
  });
  if (isFault(result)) {
    const outcome = faultOutcome(result);
    logAction(caller, { action: `bulk:${action}`, outcome });
    return answer(outcome, t(outcome));
  }
  if (result.total === 0) {
    logAction(caller, { action: `bulk:${action}`, outcome: 'invalid' });
    return answer('invalid', t('invalid'));
  }
  const { done, skipped, total, stopped } = result;
  logAction(caller, { action: `bulk:${action}`, outcome: `done ${done}, skipped ${skipped}${stopped ? `, not attempted ${total - done - skipped} (${stopped})` : ''}` });
  revalidatePath(path);
  const bulk = await getTranslations({ locale, namespace: 'Bulk' });
  const label = await getTranslations({ locale, namespace: 'JobAction' });
  if (stopped) return answer(stopped, bulk(stopped === 'busy' ? 'stoppedBusy' : 'stoppedUnavailable', { action: label(action), done, total }));
  return answer(done > 0 ? 'done' : 'wrong_state', bulk('summary', { action: label(action), done, skipped }));
}
