'use client';

import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { liveRefreshOptions } from '@/lib/query-options';
import { liveMark, patchRows, setLiveMark, shownIds } from './live-store';

interface LiveAnswer {
  tag: string;
  others: string;
  tables: Record<string, { id: string }[]>;
}

const sameIds = (a: readonly string[], b: readonly { id: string }[]) => a.length === b.length && a.every((id, i) => id === b[i]!.id);

/**
 * One tick. A page with a live endpoint asks it with the signature it shows: 304 — nothing to do; otherwise rows that
 * changed in place are patched, and when rows entered or left a table, or counts and other parts changed, the page is
 * rendered again. A page without one is rendered again.
 */
async function tick(refresh: () => void): Promise<number> {
  const mark = liveMark();
  if (mark === null) {
    refresh();
    return Date.now();
  }
  const response = await fetch(mark.endpoint, { headers: { 'if-none-match': mark.tag }, cache: 'no-store' });
  if (response.status === 304) return Date.now();
  if (!response.ok) throw new Error(`live ${response.status}`);
  const answer = (await response.json()) as LiveAnswer;
  if (liveMark() !== mark) return Date.now(); // the page changed meanwhile
  const tables = Object.entries(answer.tables);
  if (answer.others !== mark.others || tables.some(([key, rows]) => !sameIds(shownIds(key) ?? [], rows))) {
    refresh();
    return Date.now();
  }
  for (const [key, rows] of tables) patchRows(key, rows);
  setLiveMark({ ...mark, tag: answer.tag });
  return Date.now();
}

function Poller() {
  const router = useRouter();
  useQuery(liveRefreshOptions(() => tick(() => router.refresh())));
  return null;
}

/**
 * The live refresh, through React Query: ticks every few seconds (never while the tab is hidden). Loaded only once
 * live updates are switched on, so pages without it ship less script.
 */
export default function LivePoller() {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Poller />
    </QueryClientProvider>
  );
}
