import { queryOptions } from '@tanstack/react-query';

/** How often live updates check the page, in milliseconds. */
export const LIVE_REFRESH_MS = 3_000;

/** The only place query keys are written. The live tick: its "data" is the time of the last check. */
export function liveRefreshOptions(tick: () => Promise<number>) {
  return queryOptions({
    queryKey: ['live-refresh'],
    queryFn: tick,
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
