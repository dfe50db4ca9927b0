'use client';

import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { liveRefreshOptions } from '@/lib/query-options';

function Poller() {
  const router = useRouter();
  useQuery(liveRefreshOptions(() => router.refresh()));
  return null;
}

/**
 * The live refresh, through React Query: ticks every few seconds (never while the tab is hidden) and re-renders the
 * page's server data in place. Loaded only once live updates are switched on, so pages without it ship less script.
 */
export default function LivePoller() {
  const [client] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={client}>
      <Poller />
    </QueryClientProvider>
  );
}
