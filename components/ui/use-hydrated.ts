'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/** False while the server renders and the browser hydrates the same HTML; true once JavaScript runs the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
