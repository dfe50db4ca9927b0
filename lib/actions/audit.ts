import 'server-only';
import type { Caller } from './authorize';

/**
 * One JSON line per dashboard action on standard output, done or refused: time, signed-in user, action, job or batch,
 * (or cron key, or paused name), outcome and client address (see authorizeAction).
 */
export function logAction(caller: Caller, entry: { action: string; outcome: string; jobId?: string; batchId?: string; cronKey?: string; kind?: string; value?: string }): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), event: 'dashboard_action', user: caller.user, ...entry, client: caller.client }));
}
