// Keyset pages over (created_at, id), newest first, in both directions: `after` a cursor goes to older rows,
// `before` one to newer rows. Pure: the SQL side is lib/sql/keyset.ts.
import { decodeCursor, type Cursor } from './cursor';

export interface PageRequest {
  after: Cursor | null;
  before: Cursor | null;
}

export interface Page<T> {
  rows: T[];
  /** Cursor of the last row when older rows exist (rel="next"). */
  next: Cursor | null;
  /** Cursor of the first row when newer rows exist (rel="prev"). */
  prev: Cursor | null;
}

export function pageRequestFrom(query: Record<string, string | string[] | undefined>): PageRequest {
  const after = decodeCursor(query.after);
  return { after, before: after ? null : decodeCursor(query.before) };
}

/**
 * Turns the `limit + 1` rows a keyset query fetched (in its scan order: newest first, or oldest first for `before`)
 * into a page shown newest first, with the cursors of its neighbours.
 */
export function finishPage<T>(fetched: readonly T[], request: PageRequest, limit: number, cursorOf: (row: T) => Cursor): Page<T> {
  const more = fetched.length > limit;
  const kept = fetched.slice(0, limit);
  const rows = request.before ? [...kept].reverse() : kept;
  const first = rows[0];
  const last = rows.at(-1);
  const hasOlder = request.before ? true : more;
  const hasNewer = request.before ? more : request.after !== null;
  return {
    rows,
    next: hasOlder && last ? cursorOf(last) : null,
    prev: hasNewer && first ? cursorOf(first) : null,
  };
}
