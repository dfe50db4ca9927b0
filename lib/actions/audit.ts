import 'server-only';
import { log } from '../telemetry/log';
import { countAction } from '../telemetry/dashboard-metrics';
import type { Tally } from '../domain/job-run';
import type { Caller } from './authorize';

/**
 * One JSON line per dashboard action on standard output, done or refused: time, signed-in user, action, job or batch,
 * (or cron key, or paused name), outcome, client address (see authorizeAction) and the dashboard instance that acted.
 * A step of a run (lib/actions/run-actions.ts) also names the run and the step, and counts what that step did.
 * Counted in dashboard_actions_total as well, with the outcome folded into a fixed set (lib/telemetry/metric-labels.ts).
 */
export interface AuditEntry {
  action: string;
  outcome: string;
  jobId?: string;
  batchId?: string;
  cronKey?: string;
  kind?: string;
  value?: string;
  run?: string;
  step?: number;
  /** What this step did to the jobs it took up. */
  counts?: Tally;
  /** Why a step stopped short of its whole work (Discard batch's finish: a busy lock, a missing setting). */
  reason?: string;
  /** The callback jobs it enqueued (Discard batch's last step). */
  callbacks?: string[];
}

export function logAction(caller: Caller, entry: AuditEntry): void {
  countAction(entry.action, entry.outcome);
  // Its fields in the order operators' queries know (user first, instance last), written as every log line is.
  log('info', 'dashboard_action', { user: caller.user, ...entry, client: caller.client });
}
