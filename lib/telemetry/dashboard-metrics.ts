// The dashboard's own metrics: requests as the proxy sees them, actions as the audit line records them, and the time
// of every SQL statement the app's pools run. Label values only from the fixed sets of lib/telemetry/metric-labels.ts.
import { Counter, Histogram } from 'prom-client';
import { actionLabel, actionOutcomeLabel, methodLabel, type RouteKind } from './metric-labels';
import { shared } from './registry';

export type PoolLabel = 'primary' | 'replica';

const httpRequests = () =>
  shared(
    'dashboard_http_requests_total',
    (registry) =>
      new Counter({
        name: 'dashboard_http_requests_total',
        help: 'Requests that reached the dashboard, by method (GET, HEAD, POST, OPTIONS, other) and kind of route (page, action, api, metrics, health, static), refused ones included.',
        labelNames: ['method', 'route_kind'] as const,
        registers: [registry],
      }),
  );

const actions = () =>
  shared(
    'dashboard_actions_total',
    (registry) =>
      new Counter({
        name: 'dashboard_actions_total',
        help: 'Dashboard actions as the audit trail records them, by action and outcome (done, partial, not_found, wrong_state, locked, busy, unavailable, refused, invalid, unauthorized, other).',
        labelNames: ['action', 'outcome'] as const,
        registers: [registry],
      }),
  );

const queryDuration = () =>
  shared(
    'dashboard_query_duration_seconds',
    (registry) =>
      new Histogram({
        name: 'dashboard_query_duration_seconds',
        help: 'Time of each SQL statement the dashboard ran, from sending it to its last row or error, by pool (primary, replica).',
        labelNames: ['pool'] as const,
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
  );

/** The parts of a page that are left out when their read fails (lib/db/load.ts optionalPart). */
export const OPTIONAL_PARTS = ['jobs_counts', 'jobs_activity', 'nav_counts', 'batch_timeline', 'batch_durations', 'batch_errors', 'index_advice', 'live_jobs_counts'] as const;
export type OptionalPart = (typeof OPTIONAL_PARTS)[number];

const partErrors = () =>
  shared(
    'dashboard_part_errors_total',
    (registry) => {
      const counter = new Counter({
        name: 'dashboard_part_errors_total',
        help: 'Optional parts of a page left out because reading them failed for another reason than the database (a bug: its log line has the stack), by part.',
        labelNames: ['part'] as const,
        registers: [registry],
      });
      for (const part of OPTIONAL_PARTS) counter.inc({ part }, 0);
      return counter;
    },
  );

/** Registers the dashboard's metrics, so that /metrics lists them (HELP, TYPE) before anything was counted. */
export function registerDashboardMetrics(): void {
  httpRequests();
  actions();
  queryDuration();
  partErrors();
}

/** One optional part left out by a failure that is not the database's. */
export function countPartError(part: OptionalPart): void {
  partErrors().inc({ part });
}

/** One request seen by the proxy. */
export function countHttpRequest(method: string, kind: RouteKind): void {
  httpRequests().inc({ method: methodLabel(method), route_kind: kind });
}

/** One audit line: its action name and outcome text, folded into the fixed label sets. */
export function countAction(action: string, outcome: string): void {
  actions().inc({ action: actionLabel(action), outcome: actionOutcomeLabel(outcome) });
}

/** Starts timing one statement on `pool`; call the result once it has ended. */
export function startQueryTimer(pool: PoolLabel): () => void {
  return queryDuration().startTimer({ pool });
}
