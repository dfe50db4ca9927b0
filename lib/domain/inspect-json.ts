// The JSON an operator inspects, exactly as GoodJob's dashboard prints it.
import { errorEventName } from './job-state';
import { jsonNode, objectNode, parseOrderedJson, printJson, stringValue, type JsonNode } from './ordered-json';
import { formatUtcSeconds } from './time';

const JOB_TIME_COLUMNS = new Set(['scheduled_at', 'performed_at', 'finished_at', 'created_at', 'updated_at', 'cron_at', 'locked_at']);
const BATCH_TIME_COLUMNS = new Set(['created_at', 'updated_at', 'enqueued_at', 'discarded_at', 'finished_at', 'jobs_finished_at']);
/** Columns GoodJob itself ignores, and the one printed above `_good_job`. */
const HIDDEN_JOB_COLUMNS = new Set(['serialized_params', 'is_discrete', 'retried_good_job_id']);

function parseOrNull(text: string | null): JsonNode {
  if (text === null) return jsonNode(null);
  try {
    return parseOrderedJson(text);
  } catch {
    return jsonNode(text);
  }
}

function columnNode(column: string, value: unknown, timeColumns: Set<string>): JsonNode {
  if (timeColumns.has(column) && typeof value === 'string') return jsonNode(formatUtcSeconds(value));
  if (column === 'error_event') return jsonNode(errorEventName(value as number | null));
  return jsonNode(value);
}

/**
 * A job's Inspect JSON: `serialized_params` (jsonb text, keys in the order PostgreSQL returns them), then `_good_job`
 * with the job's columns in table order. `columns` is the table's column order as the database has it.
 */
export function jobInspectJson(job: Record<string, unknown>, serializedParamsText: string | null, columns: readonly string[]): string {
  const params = parseOrNull(serializedParamsText);
  const base: Array<[string, JsonNode]> =
    params.kind === 'object'
      ? params.entries.filter(([k]) => k !== '_good_job')
      : serializedParamsText === null
        ? []
        : [['serialized_params', params]];
  const goodJob = columns
    .filter((c) => !HIDDEN_JOB_COLUMNS.has(c) && c in job)
    .map((c): [string, JsonNode] => [c, columnNode(c, job[c], JOB_TIME_COLUMNS)]);
  return printJson(objectNode([...base, ['_good_job', objectNode(goodJob)]]));
}

const MARKERS = new Set(['_aj_symbol_keys', '_aj_ruby2_keywords', '_aj_hash_with_indifferent_access']);

/** Deeper than this, ActiveJob's markers are left as they are (shown, not undone): user data may nest without end. */
const DESERIALIZE_DEPTH = 100;

/** ActiveJob's argument serialization undone for display: markers dropped, serialized values unwrapped. */
export function deserializeActiveJob(node: JsonNode, depth = 0): JsonNode {
  if (node.kind === 'scalar' || depth >= DESERIALIZE_DEPTH) return node;
  if (node.kind === 'array') return { kind: 'array', items: node.items.map((item) => deserializeActiveJob(item, depth + 1)) };
  const get = (key: string) => node.entries.find(([k]) => k === key)?.[1];
  const globalId = stringValue(get('_aj_globalid'));
  if (globalId !== undefined && node.entries.length === 1) return jsonNode(globalId);
  const serializer = get('_aj_serialized');
  const value = get('value');
  if (serializer !== undefined && value !== undefined) return deserializeActiveJob(value, depth + 1);
  return objectNode(node.entries.filter(([k]) => !MARKERS.has(k) && k !== '_aj_serialized').map(([k, v]) => [k, deserializeActiveJob(v, depth + 1)]));
}

/** The batch's Attributes JSON: its columns in table order, `properties` in place of `serialized_properties`. */
export function batchAttributesJson(batch: Record<string, unknown>, serializedPropertiesText: string | null, columns: readonly string[]): string {
  const entries = columns
    .filter((c) => c === 'serialized_properties' || c in batch)
    .map((c): [string, JsonNode] =>
      c === 'serialized_properties'
        ? ['properties', serializedPropertiesText === null ? objectNode([]) : deserializeActiveJob(parseOrNull(serializedPropertiesText))]
        : [c, columnNode(c, batch[c], BATCH_TIME_COLUMNS)],
    );
  return printJson(objectNode(entries));
}
