// Keyset cursors: the (ordered column, id) of the row a page ends at, opaque in the URL.
import { parseUuid } from './ids';
import { parseDbTime } from './time';

export interface Cursor {
  /** Database timestamp text of the ordered column. */
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** A cursor from the URL, or null when it is missing or not one of ours (the list then starts at its top). */
export function decodeCursor(value: unknown): Cursor | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 120 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const [at, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || at === undefined || parseDbTime(at) === null) return null;
  const uuid = parseUuid(id);
  return uuid === null ? null : { at, id: uuid };
}
