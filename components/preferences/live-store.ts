'use client';

import { useEffect, useSyncExternalStore } from 'react';

// What live updates know of the page on screen: the signature it was rendered with (or last patched to), the endpoint
// that answers for it, and each table's rows as patched since. A new render of the page (navigation, refresh) resets
// a table to the rows the server sent.

export interface LiveMarkValue {
  endpoint: string;
  tag: string;
  others: string;
}

let mark: LiveMarkValue | null = null;
const tables = new Map<string, { base: readonly unknown[]; rows: readonly unknown[] }>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const liveMark = () => mark;
export function setLiveMark(value: LiveMarkValue | null) {
  mark = value;
}

/** The ids a table shows now, or null when no such table is on screen. */
export function shownIds(key: string): string[] | null {
  const table = tables.get(key);
  return table ? table.rows.map((row) => (row as { id: string }).id) : null;
}

export function patchRows(key: string, rows: readonly unknown[]) {
  const table = tables.get(key);
  if (!table) return;
  tables.set(key, { base: table.base, rows });
  notify();
}

/** A table's rows: the server's, or the live patch of them. */
export function useLiveRows<T>(key: string, serverRows: readonly T[]): readonly T[] {
  const table = useSyncExternalStore(
    subscribe,
    () => tables.get(key),
    () => undefined,
  );
  useEffect(() => {
    tables.set(key, { base: serverRows, rows: serverRows });
    return () => {
      if (tables.get(key)?.base === serverRows) tables.delete(key);
    };
  }, [key, serverRows]);
  return table && table.base === serverRows ? (table.rows as readonly T[]) : serverRows;
}
