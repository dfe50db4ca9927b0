import 'server-only';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Capabilities } from '../db/capabilities';
import { goodJobBatches, goodJobs } from '../db/schema';

type Selection = Record<string, PgColumn | SQL | SQL.Aliased>;

function present(all: Record<string, PgColumn>, columns: readonly string[], except: string): Selection {
  return Object.fromEntries(Object.entries(all).filter(([name]) => name !== except && columns.includes(name)));
}

/**
 * Every column of a job. `params: false` leaves `serialized_params_text` null: a list whose Inspect sections are read
 * on opening need not carry 50 jobs' arguments (up to megabytes each) from the database.
 */
export function jobSelection(caps: Capabilities, { params = true }: { params?: boolean } = {}): Selection {
  return {
    ...present(getTableColumns(goodJobs), caps.jobColumns, 'serialized_params'),
    serialized_params_text: params
      ? sql<string | null>`${goodJobs.serialized_params}::text`.as('serialized_params_text')
      : sql<string | null>`NULL::text`.as('serialized_params_text'),
  };
}

export function batchSelection(caps: Capabilities): Selection {
  return {
    ...present(getTableColumns(goodJobBatches), caps.batchColumns, 'serialized_properties'),
    serialized_properties_text: sql<string | null>`${goodJobBatches.serialized_properties}::text`.as('serialized_properties_text'),
  };
}
