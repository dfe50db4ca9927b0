// The label values of the dashboard's own Prometheus metrics (lib/telemetry/dashboard-metrics.ts). Every label takes its
// value from a small fixed set: a raw path, method or audit text as a label value would make one time series per
// distinct request, which Prometheus cannot keep. Pure: no I/O.
import { isHealthPath } from '../edge/gate';
import { JOB_ACTIONS } from '../domain/job-state';

export const ROUTE_KINDS = ['page', 'action', 'api', 'metrics', 'health', 'static'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** What kind of request this is, from its path (without the base path), method and `Next-Action` header. */
export function routeKind(pathname: string, method: string, headers: Headers): RouteKind {
  if (method.toUpperCase() === 'POST' && headers.has('next-action')) return 'action';
  if (pathname.startsWith('/_next/static/') || pathname === '/favicon.ico') return 'static';
  if (isHealthPath(pathname)) return 'health';
  if (pathname === '/metrics') return 'metrics';
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api';
  return 'page';
}

export const METHOD_LABELS = ['GET', 'HEAD', 'POST', 'OPTIONS', 'other'] as const;
export type MethodLabel = (typeof METHOD_LABELS)[number];

/** The methods the dashboard serves as they are; any other (PUT, TRACE, made-up ones) is `other`. */
export function methodLabel(method: string): MethodLabel {
  const upper = method.toUpperCase();
  return (METHOD_LABELS as readonly string[]).includes(upper) ? (upper as MethodLabel) : 'other';
}

/**
 * Every action name the audit line can carry (lib/actions/*): job actions, batch actions, bulk job actions, cron and
 * pause settings. A refused request names the action its form sent, which can be any text: those are `unknown`.
 */
export const ACTION_LABELS = [
  ...JOB_ACTIONS,
  'retryBatch',
  'discardBatch',
  ...JOB_ACTIONS.map((a) => `bulk:${a}` as const),
  'cronEnable',
  'cronDisable',
  'cronRunNow',
  'pause',
  'resume',
  'unknown',
] as const;
export type ActionLabel = (typeof ACTION_LABELS)[number];

export function actionLabel(action: string): ActionLabel {
  return (ACTION_LABELS as readonly string[]).includes(action) ? (action as ActionLabel) : 'unknown';
}

/**
 * An audit outcome as a label. Every action writes one of these: the commands', the gate's, a run step's (`partial`
 * when some of its jobs were done and others skipped) and `error` (a bug answered as a message). Anything else,
 * should a refactor bring one in, is `other`.
 */
export const ACTION_OUTCOME_LABELS = ['done', 'partial', 'not_found', 'wrong_state', 'locked', 'busy', 'unavailable', 'refused', 'invalid', 'unauthorized', 'error', 'other'] as const;
export type ActionOutcomeLabel = (typeof ACTION_OUTCOME_LABELS)[number];

export function actionOutcomeLabel(outcome: string): ActionOutcomeLabel {
  return (ACTION_OUTCOME_LABELS as readonly string[]).includes(outcome) ? (outcome as ActionOutcomeLabel) : 'other';
}
