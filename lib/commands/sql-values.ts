import { sql, type SQL } from 'drizzle-orm';

/**
 * A text[] value for a GoodJob column (labels): bound as one JSON parameter and unpacked in order, so that any
 * number of elements, and elements holding `,` `"` `{` `}` or any other character, arrive as they are. (A JS array
 * interpolated into drizzle's sql`` becomes a row constructor: `($1, $2)::text[]` fails.) null stays NULL.
 */
export function textArraySql(values: readonly string[] | null): SQL {
  if (values === null) return sql`NULL::text[]`;
  return sql`ARRAY(SELECT e FROM jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n)::text[]`;
}

/** A list of validated UUIDs as one uuid[] parameter (`= ANY(…)`), whatever its length. */
export function uuidArraySql(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
