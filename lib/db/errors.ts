// Which failures mean "the database is unreachable" (a 503 for the operator) rather than a bug.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now
  '53300', // too many connections
  '3D000', // database does not exist
  '28P01', '28000', // authentication failed
  '08000', '08001', '08003', '08004', '08006',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const { code, message, cause } = e as { code?: string; message?: string; cause?: unknown };
    if (code && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && /timeout exceeded when trying to connect|Connection terminated|DATABASE_URL is not set/i.test(message)) {
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
