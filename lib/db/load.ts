import 'server-only';
import { isDatabaseBusy, isDatabaseUnavailable } from './errors';
import { setting } from '../env';
import { log } from '../telemetry/log';
import { countPartError, type OptionalPart } from '../telemetry/dashboard-metrics';

export const UNAVAILABLE = Symbol('database unavailable');
export const BUSY = Symbol('database busy');
export type DatabaseFault = typeof UNAVAILABLE | typeof BUSY;

/** A command that failed for another reason than the database: a bug. Logged where it is caught. */
export const FAILED = Symbol('command failed');
export type CommandFault = DatabaseFault | typeof FAILED;

export const isFault = (value: unknown): value is CommandFault => value === UNAVAILABLE || value === BUSY || value === FAILED;

/** A fault as an action's outcome (and its ActionResult message key). */
export const faultOutcome = (fault: CommandFault): 'unavailable' | 'busy' | 'error' => (fault === UNAVAILABLE ? 'unavailable' : fault === BUSY ? 'busy' : 'error');

/** How long one page may spend on its reads, all together (several slow queries must not add up). */
const pageDeadlineMs = () => setting('DASHBOARD_PAGE_DEADLINE_MS');

function classify(error: unknown): DatabaseFault | null {
  if (isDatabaseUnavailable(error)) {
    log('error', 'database_unavailable', { message: (error as Error).message });
    return UNAVAILABLE;
  }
  // Busy, not down: a statement past its timeout (a lock, a stall) or no free connection in the pool in time.
  if (isDatabaseBusy(error)) {
    log('warn', 'database_busy', { message: (error as Error).message });
    return BUSY;
  }
  return null;
}

/**
 * Runs a page's reads under one deadline: an unreachable database is UNAVAILABLE, a busy one (or reads past the
 * deadline) BUSY — both a localized 503 page; anything else is a bug and throws.
 */
export async function loadOrUnavailable<T>(load: () => Promise<T>): Promise<T | DatabaseFault> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof BUSY>((resolve) => {
    timer = setTimeout(() => resolve(BUSY), pageDeadlineMs());
  });
  try {
    return await Promise.race([load(), deadline]);
  } catch (error) {
    const fault = classify(error);
    if (fault === null) throw error;
    return fault;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs an action's command — never raced by a deadline: an unreachable database is UNAVAILABLE, a statement cut by
 * the statement timeout or no free connection BUSY, anything else FAILED (logged with its stack, answered as a
 * localized message, never the error page). A command is one transaction, or returns what it did before a later one
 * failed (Discard batch's finish): when this answers a fault, the command's own transaction did not commit.
 */
export async function commandOrFault<T>(run: () => Promise<T>): Promise<T | CommandFault> {
  try {
    return await run();
  } catch (error) {
    const fault = classify(error);
    if (fault !== null) return fault;
    logUnexpected('action_failed', error);
    return FAILED;
  }
}

/**
 * A part of a page that is left out (`fallback`) when its read fails, so that the rest still shows: a database fault is
 * logged as every page logs one (busy / unavailable); anything else is a bug — logged with the part's name, message and
 * stack, counted in /metrics (dashboard_part_errors_total{part}), and thrown under `next dev`, where it should be seen.
 */
export async function optionalPart<T, F>(part: OptionalPart, read: Promise<T> | (() => Promise<T>), fallback: F): Promise<T | F> {
  try {
    return await (typeof read === 'function' ? read() : read);
  } catch (error) {
    if (classify(error) !== null) return fallback;
    log('error', 'part_failed', { part, error });
    countPartError(part);
    if (process.env.NODE_ENV === 'development') throw error;
    return fallback;
  }
}

/** One JSON line for an error that is not the database's: the bug's message and stack. */
export function logUnexpected(event: string, error: unknown): void {
  log('error', event, { error });
}
