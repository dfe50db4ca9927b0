import { queryOptions } from '@tanstack/react-query';

/** How often live updates refresh the page, in milliseconds. */
export const LIVE_REFRESH_MS = 3_000;

/** The only place query keys are written. The live refresh tick: its "data" is the time of the last refresh. */
export function liveRefreshOptions(refresh: () => void) {
  return queryOptions({
    queryKey: ['live-refresh'],
    queryFn: () => {
      refresh();
      return Date.now();
    },
    refetchInterval: LIVE_REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
    gcTime: 0,
  });
}
