'use server';

import { readDb } from '../db/read';
import { isFault, loadOrUnavailable } from '../db/load';
import { parseUuid } from '../domain/ids';
import { jobInspectJson } from '../domain/inspect-json';
import { getJob } from '../queries/jobs';
import { authorizeAction } from './authorize';

export type InspectResult = { json: string } | { error: 'notFound' | 'unavailable' | 'unauthorized' };

/**
 * A job's Inspect JSON (byte for byte GoodJob's), read when its Inspect section is opened: a page of 50 jobs does
 * not carry 50 JSON documents twice (HTML and React payload) that nobody opened. Reads only.
 */
export async function inspectJobAction(jobId: unknown): Promise<InspectResult> {
  if (!(await authorizeAction()).ok) return { error: 'unauthorized' };
  const id = parseUuid(jobId);
  if (id === null) return { error: 'notFound' };
  const found = await loadOrUnavailable(async () => getJob(await readDb(), id));
  if (isFault(found)) return { error: 'unavailable' };
  if (found === null) return { error: 'notFound' };
  return { json: jobInspectJson(found.job, found.job.serialized_params_text, found.columns) };
}
