import type { ReactNode } from 'react';

/**
 * A part of a page streamed after its first paint. It first gives the event loop a turn, so the page's shell (its
 * header and tables) is flushed to the browser before this part renders — even when `data` is already settled (a
 * shared read served from memory) and would otherwise be rendered inline, delaying everything after it. Renders
 * nothing when `data` is null (a failed or skipped read).
 */
export async function Streamed<T>({ data, children }: { data: Promise<T | null>; children: (value: T) => ReactNode }) {
  await new Promise((resolve) => setImmediate(resolve));
  const value = await data;
  return value === null ? null : children(value);
}
