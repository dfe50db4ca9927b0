import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { PageRequest } from '../domain/paging';

/** WHERE and ORDER BY for a keyset page over (createdAt, id), newest first (see lib/domain/paging.ts). */
export function keyset(createdAt: PgColumn, id: PgColumn, request: PageRequest): { where: SQL | undefined; orderBy: SQL[] } {
  if (request.before) {
    return {
      where: sql`(${createdAt}, ${id}) > (${request.before.at}::timestamp, ${request.before.id}::uuid)`,
      orderBy: [asc(createdAt), asc(id)],
    };
  }
  return {
    where: request.after ? sql`(${createdAt}, ${id}) < (${request.after.at}::timestamp, ${request.after.id}::uuid)` : undefined,
    orderBy: [desc(createdAt), desc(id)],
  };
}
