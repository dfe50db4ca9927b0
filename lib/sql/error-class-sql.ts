import { sql, type SQL } from 'drizzle-orm';
import type { AnyColumn } from 'drizzle-orm';

/**
 * The SQL twin of errorClass() (lib/domain/error-class.ts): the error text before the first ": ". Every query that
 * filters or groups by exception class — the jobs filter, the Discard Cleaner, a batch's error summary — uses this one;
 * lib/sql/error-class-sql.db.test.ts checks that the two agree at their edges.
 */
export const errorClassSql = (error: AnyColumn | SQL): SQL<string> => sql<string>`split_part(${error}, ': ', 1)`;
