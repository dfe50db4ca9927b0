import 'server-only';
import { instanceName } from '../instance';
import { countAction } from '../metrics/dashboard-metrics';
import type { Caller } from './authorize';

/**
 * One JSON line per dashboard action on standard output, done or refused: time, signed-in user, action, job or batch,
 * (or cron key, or paused name), outcome, client address (see authorizeAction) and the dashboard instance that acted.
 * Counted in dashboard_actions_total as well, with the outcome folded into a fixed set (lib/domain/metric-labels.ts).
 */
export function logAction(caller: Caller, entry: { action: string; outcome: string; jobId?: string; batchId?: string; cronKey?: string; kind?: string; value?: string }): void {
  countAction(entry.action, entry.outcome);
  console.log(JSON.stringify({ time: new Date().toISOString(), event: 'dashboard_action', user: caller.user, ...entry, client: caller.client, instance: instanceName() }));
}
