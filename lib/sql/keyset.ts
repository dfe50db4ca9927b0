import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { PageRequest } from '../domain/paging';

/**
 * WHERE and ORDER BY for a keyset page over (order, id) shown in `direction` (see lib/domain/paging.ts):
 * `after` continues in the shown direction, `before` walks back (scanned reversed, then flipped by finishPage).
 */
export function keysetBy(order: SQL | PgColumn, id: PgColumn, direction: 'asc' | 'desc', request: PageRequest): { where: SQL | undefined; orderBy: SQL[] } {
  const forward = direction === 'desc' ? sql.raw('<') : sql.raw('>');
  const backward = direction === 'desc' ? sql.raw('>') : sql.raw('<');
  const [shown, reversed] = direction === 'desc' ? [desc, asc] : [asc, desc];
  if (request.before) {
    return {
      where: sql`(${order}, ${id}) ${backward} (${request.before.at}::timestamp, ${request.before.id}::uuid)`,
      orderBy: [reversed(order), reversed(id)],
    };
  }
  return {
    where: request.after ? sql`(${order}, ${id}) ${forward} (${request.after.at}::timestamp, ${request.after.id}::uuid)` : undefined,
    orderBy: [shown(order), shown(id)],
  };
}

/** Newest first by (createdAt, id). */
export function keyset(createdAt: PgColumn, id: PgColumn, request: PageRequest) {
  return keysetBy(createdAt, id, 'desc', request);
}
