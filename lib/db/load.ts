import 'server-only';
import { isDatabaseUnavailable } from './errors';

export const UNAVAILABLE = Symbol('database unavailable');

/**
 * Runs a page's reads or an action's command; an unreachable database becomes UNAVAILABLE (a localized page or
 * message), anything else is a bug and throws.
 */
export async function loadOrUnavailable<T>(load: () => Promise<T>): Promise<T | typeof UNAVAILABLE> {
  try {
    return await load();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(JSON.stringify({ event: 'database_unavailable', message: (error as Error).message }));
      return UNAVAILABLE;
    }
    throw error;
  }
}
