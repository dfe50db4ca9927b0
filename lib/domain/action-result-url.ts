// A job action posted without JavaScript answers with a redirect to the page that says what happened, in its language.
// What happened travels in a one-time cookie the action itself sets (HttpOnly, scoped to the page it lands on), which
// proxy.ts hands to that page once and deletes: a link alone — query parameters, a crafted URL — makes no page claim
// an action. Only names travel (an action, an outcome, a job id), never words.
import type { ActionOutcome } from './action-outcome';
import { parseUuid } from './ids';
import { JOB_ACTIONS, type JobAction } from './job-state';
import { routes } from '../i18n/routes';

const OUTCOMES: readonly PostedResult['outcome'][] = ['done', 'not_found', 'wrong_state', 'locked', 'refused', 'unauthorized', 'unavailable', 'busy', 'invalid', 'error'];

/** The cookie the action sets, and the request header proxy.ts moves it into for the page (never a client's own). */
export const POSTED_COOKIE = 'gj_posted';
export const POSTED_HEADER = 'x-dashboard-posted';

export interface PostedResult {
  action: JobAction;
  /** One job's action is all or nothing: never `partial`. */
  outcome: Exclude<ActionOutcome, 'partial'>;
  jobId: string;
}

/** Where a posted job action lands: the page it came from, or the jobs list once the job was destroyed. */
export function postedResultTarget(path: string, locale: string, result: PostedResult): string {
  return result.action === 'destroy' && result.outcome === 'done' ? routes.jobs(locale) : path;
}

export const encodePostedResult = (result: PostedResult) => `${result.action}.${result.outcome}.${result.jobId}`;

/** The result a cookie's value names, or null (nothing posted, or a value that is not a result). */
export function parsePostedResult(value: string | null | undefined): PostedResult | null {
  const [action, outcome, id, ...rest] = (value ?? '').split('.');
  const jobId = parseUuid(id);
  if (rest.length > 0 || !JOB_ACTIONS.includes(action as JobAction) || !OUTCOMES.includes(outcome as PostedResult['outcome']) || jobId === null) return null;
  return { action: action as JobAction, outcome: outcome as PostedResult['outcome'], jobId };
}
