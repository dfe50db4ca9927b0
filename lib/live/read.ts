import 'server-only';
import { readDb } from '../db/read';
import { isFault, loadOrUnavailable } from '../db/load';
import { firstParam } from '../domain/url';
import { isLocale, type Locale } from '../i18n/routing';
import { livePlain } from './respond';

/** A live endpoint's query as a page's search parameters, and its locale (null: not one of ours). */
export function liveQuery(request: Request): { search: Record<string, string>; locale: Locale | null } {
  const search: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in search)) search[key] = firstParam(value)!;
  return { search, locale: isLocale(search.locale) ? search.locale : null };
}

/** Reads for a live endpoint; a database that is down or busy is a 503 (the tick tries again later). */
export async function liveLoad<T>(read: (db: Awaited<ReturnType<typeof readDb>>) => Promise<T>): Promise<T | Response> {
  const loaded = await loadOrUnavailable(async () => read(await readDb()));
  return isFault(loaded) ? livePlain(503, 'Database unavailable') : loaded;
}
