import { sql, type SQL } from 'drizzle-orm';
import { activeJobTime } from '../domain/time';

/**
 * GoodJob's retry of discarded jobs, set-based: `serialized_params.executions` + 1, its `enqueued_at` (and
 * `scheduled_at`, where ActiveJob wrote that key) renewed; the row scheduled and created now, not performed, not
 * finished, `error_event` retried (3); `error` and `executions_count` kept.
 */
export function retryUpdateSql(ids: readonly string[], now: string): SQL {
  const iso = activeJobTime(now);
  return sql`UPDATE good_jobs SET
      serialized_params = jsonb_set(
          COALESCE(serialized_params, '{}'::jsonb),
          '{executions}',
          to_jsonb(COALESCE((serialized_params->>'executions')::int, 0) + 1))
        || jsonb_build_object('enqueued_at', ${iso}::text)
        || CASE WHEN serialized_params ? 'scheduled_at' THEN jsonb_build_object('scheduled_at', ${iso}::text) ELSE '{}'::jsonb END,
      scheduled_at = ${now}::timestamp,
      created_at = ${now}::timestamp,

      performed_at = NULL,
      finished_at = NULL,
      error_event = 3,
      updated_at = ${now}::timestamp
    WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`;
}
