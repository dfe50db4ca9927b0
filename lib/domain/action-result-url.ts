// A job action posted without JavaScript answers with a redirect whose URL names what happened; the page it lands on
// says it in its language. Only names travel (an action, an outcome, a job id), never words: a link cannot make the
// page say something the dashboard did not.
import type { ActionOutcome } from '../actions/action-state';
import { parseUuid } from './ids';
import { JOB_ACTIONS, type JobAction } from './job-state';
import { firstParam, hrefWith } from './url';

const OUTCOMES: readonly PostedResult['outcome'][] = ['done', 'not_found', 'wrong_state', 'locked', 'refused', 'unauthorized', 'unavailable', 'busy', 'invalid', 'error'];

export interface PostedResult {
  action: JobAction;
  /** One job's action is all or nothing: never `partial`. */
  outcome: Exclude<ActionOutcome, 'partial'>;
  jobId: string;
}

/** Where a posted job action lands: the page it came from, or the jobs list once the job was destroyed. */
export function postedResultHref(path: string, locale: string, result: PostedResult): string {
  const target = result.action === 'destroy' && result.outcome === 'done' ? `/${locale}/jobs` : path;
  return hrefWith(target, { done: result.action, outcome: result.outcome, job: result.jobId });
}

/** The result a page's URL names, or null (nothing posted, or parameters that are not a result). */
export function parsePostedResult(search: Record<string, string | string[] | undefined>): PostedResult | null {
  const action = firstParam(search.done);
  const outcome = firstParam(search.outcome);
  const jobId = parseUuid(firstParam(search.job));
  if (!JOB_ACTIONS.includes(action as JobAction) || !OUTCOMES.includes(outcome as PostedResult['outcome']) || jobId === null) return null;
  return { action: action as JobAction, outcome: outcome as PostedResult['outcome'], jobId };
}
