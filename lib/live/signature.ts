import 'server-only';
import { createHash } from 'node:crypto';

/** What a live view's tables show of each row: its id, its `updated_at` (every dashboard write sets it), its state. */
export type RowStamp = readonly [id: string, updatedAt: string, state?: string];

export interface LiveSignature {
  /** The ETag of the whole view: its tables' rows and the rest (counts, the batch's own row). */
  tag: string;
  /** A digest of the rest alone: when it changes the page is rendered again (router.refresh). */
  others: string;
}

const digest = (value: unknown) => createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 20);

/** The signature the page renders with and the live endpoint answers with: equal when nothing shown has changed. */
export function liveSignature(tables: Record<string, readonly RowStamp[]>, others: unknown): LiveSignature {
  const rest = digest(others ?? null);
  return { tag: `"${digest([tables, rest])}"`, others: rest };
}
