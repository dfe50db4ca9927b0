// Settings the pages and actions read, as the dashboard means them (lib/env.ts parses and checks each one).
import { parseCallbackQueues } from './domain/callback-queues';
import { setting } from './env';

/** An on/off value: `1`, `true` or `yes` (any case) turn it on. */
export const isOn = (value: string | undefined) => ['1', 'true', 'yes'].includes((value ?? '').toLowerCase());

export function isReadOnly(): boolean {
  return setting('DASHBOARD_READ_ONLY');
}

/**
 * Whether GoodJob's workers honour pauses, as GoodJob reads GOOD_JOB_ENABLE_PAUSES (ActiveModel's boolean cast; off by
 * default, and the Rails app may set it in code instead): `unknown` when the variable is unset, so a paused job is
 * marked "paused if workers enable pauses"; `off` shows no pause markers.
 */
export function pausesMode(value = setting('GOOD_JOB_ENABLE_PAUSES')): 'on' | 'off' | 'unknown' {
  if (value === undefined || value.trim() === '') return 'unknown';
  return ['0', 'f', 'false', 'off'].includes(value.trim().toLowerCase()) ? 'off' : 'on';
}

/** GOOD_JOB_CALLBACK_QUEUES (lib/domain/callback-queues.ts): batch callback classes' queues, for Discard batch. */
export function callbackQueues(value = setting('GOOD_JOB_CALLBACK_QUEUES')) {
  return parseCallbackQueues(value);
}

/** How long a batch action waits for GoodJob's batch lock (a worker finishing the batch holds it briefly). */
export function batchLockTimeout(): string {
  return setting('DASHBOARD_BATCH_LOCK_TIMEOUT');
}

/** GOOD_JOB_GLOBALID_APP: the Rails app's GlobalID app name, when no callback job shows it. */
export function globalIdAppSetting(): string | null {
  return setting('GOOD_JOB_GLOBALID_APP') ?? null;
}
