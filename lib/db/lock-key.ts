import { sql, type SQL } from 'drizzle-orm';
import { advisoryLockBigintSql } from '../domain/advisory-lock';
import { setting } from '../env';

/** GoodJob::AdvisoryLockable.hash_function, for databases whose GoodJob uses another than md5. */
const hashFunction = () => setting('GOOD_JOB_ADVISORY_LOCK_HASH');

/** The bigint lock key of a GoodJob row. `key` is built from a validated UUID; quotes are escaped all the same. */
export function lockKeySql(key: string): SQL {
  return sql.raw(advisoryLockBigintSql(`'${key.replaceAll("'", "''")}'::text`, hashFunction()));
}

/** The lock key of an SQL text expression (trusted SQL written in this codebase, not user input). */
export function lockKeySqlFor(textExpression: string): SQL {
  return sql.raw(advisoryLockBigintSql(textExpression, hashFunction()));
}

export class LockedError extends Error {
  constructor() {
    super('locked');
  }
}

/** PostgreSQL's lock_not_available (NOWAIT, lock_timeout), through drizzle's error wrapping. */
export function isLockNotAvailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    if (e instanceof LockedError || (e as { code?: string }).code === '55P03') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
