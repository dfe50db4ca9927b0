// Which failures mean "the database is unreachable" (a 503 for the operator) rather than a bug.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now
  '55000', // the database does not accept connections (ALTER DATABASE … ALLOW_CONNECTIONS false)
  '53300', // too many connections
  '3D000', // database does not exist
  '28P01', '28000', // authentication failed
  '08000', '08001', '08003', '08004', '08006',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const { code, message, cause } = e as { code?: string; message?: string; cause?: unknown };
    if (code && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && /Connection terminated|not queryable|DATABASE_URL is not set/i.test(message)) {
      return true;
    }
    e = cause;
  }
  return false;
}

/** A statement cut by statement_timeout. */
export function isQueryTimeout(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    if ((e as { code?: string }).code === '57014') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The database answers but not in time: a statement cut by statement_timeout (behind a table lock, a stall), or no
 * free connection in the pool within the connect timeout (pg-pool's own wording; a server that cannot be reached
 * fails with "Connection terminated due to connection timeout" instead).
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const { message } = e as { message?: string };
    if (typeof message === 'string' && /^timeout exceeded when trying to connect$/.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return isQueryTimeout(error);
}
