import { encodeCursor } from './cursor';
import { parseJobStatus, type JobStatus } from './job-state';
import { pageRequestFrom, type PageRequest } from './paging';
import { firstParam } from './url';

/** The batch page's query as its links keep it: the state tab, Inspect all, and the batched jobs' page. */
export interface BatchLinkQuery {
  state: JobStatus | null;
  inspect: boolean;
  after: string | null;
  before: string | null;
}

export interface BatchPageRequest {
  page: PageRequest;
  status: JobStatus | null;
  /** Inspect all: every job's serialized params are read with the page. */
  inspect: boolean;
  links: BatchLinkQuery;
}

/** The batch page's search parameters; anything malformed is the default (all states, first page, collapsed). */
export function parseBatchPageQuery(search: Record<string, string | string[] | undefined>): BatchPageRequest {
  const page = pageRequestFrom(search);
  const status = parseJobStatus(firstParam(search.state));
  const inspect = firstParam(search.inspect) === 'all';
  const links = { state: status, inspect, after: page.after ? encodeCursor(page.after) : null, before: page.before ? encodeCursor(page.before) : null };
  return { page, status, inspect, links };
}
