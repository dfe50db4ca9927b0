import 'server-only';

/** One JSON line per dashboard action on standard output, done or refused. */
export function logAction(entry: { action: string; jobId?: string; batchId?: string; outcome: string }): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), event: 'dashboard_action', ...entry }));
}
