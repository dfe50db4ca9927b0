import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchAttributesJson, deserializeActiveJob, jobInspectJson } from './inspect-json';
import { ERROR_EVENTS } from './job-state';
import { parseOrderedJson, PRETTY_DEPTH, printJson } from './ordered-json';
import { jsonBlocksOf } from '../testing/seed-pages';

const pagesDir = join(__dirname, '../../e2e/fixtures/seed-pages');
const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.txt'));

// Column order of a GoodJob v4 database created before `lock_type` (as the seed pages were).
const OLD_JOB_COLUMNS = ['id', 'queue_name', 'priority', 'serialized_params', 'scheduled_at', 'performed_at', 'finished_at', 'error',
  'created_at', 'updated_at', 'active_job_id', 'concurrency_key', 'cron_key', 'retried_good_job_id', 'cron_at', 'batch_id',
  'batch_callback_id', 'is_discrete', 'executions_count', 'job_class', 'error_event', 'labels', 'locked_by_id', 'locked_at'];
const BATCH_COLUMNS = ['id', 'created_at', 'updated_at', 'description', 'serialized_properties', 'on_finish', 'on_success', 'on_discard',
  'callback_queue_name', 'callback_priority', 'enqueued_at', 'discarded_at', 'finished_at', 'jobs_finished_at'];

/** What the database holds for a printed time: the printed second plus a fraction GoodJob does not show. */
const dbTime = (v: unknown) => (typeof v === 'string' && v.endsWith(' UTC') ? `${v.slice(0, 19)}.734512` : v);

describe.each(pages)('seed page %s', (file) => {
  const [batchBlock, ...jobBlocks] = jsonBlocksOf(readFileSync(join(pagesDir, file), 'utf8'));

  it('rebuilds the Attributes JSON from the batch row', () => {
    const shown = JSON.parse(batchBlock!) as Record<string, unknown>;
    const row = Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, dbTime(v)]));
    const properties = shown.properties as Record<string, unknown>;
    const stored = JSON.stringify({ ...properties, _aj_symbol_keys: Object.keys(properties) });
    expect(batchAttributesJson(row, stored, BATCH_COLUMNS)).toBe(batchBlock);
  });

  it.each(jobBlocks.map((b, i) => [i, b] as const))('rebuilds job block %i from its row', (_i, block) => {
    const { _good_job: shown, ...params } = JSON.parse(block) as { _good_job: Record<string, unknown> };
    const row: Record<string, unknown> = Object.fromEntries(Object.entries(shown).map(([k, v]) => [k, dbTime(v)]));
    row.error_event = shown.error_event === null ? null : ERROR_EVENTS.indexOf(shown.error_event as (typeof ERROR_EVENTS)[number]);
    row.is_discrete = true;
    row.retried_good_job_id = null;
    expect(jobInspectJson(row, JSON.stringify(params), OLD_JOB_COLUMNS)).toBe(block);
  });
});

describe('jobInspectJson', () => {
  const row = { id: 'x', created_at: '2026-01-02 03:04:05.999999', error_event: 5, labels: ['a'], lock_type: null };
  it('keeps jsonb key order and number tokens as stored', () => {
    const json = jobInspectJson(row, '{"b": 1.0, "ab": 12345678901234567890, "123": {}}', ['id', 'created_at', 'error_event', 'labels', 'lock_type']);
    expect(json).toBe(
      '{\n  "b": 1.0,\n  "ab": 12345678901234567890,\n  "123": {},\n  "_good_job": {\n    "id": "x",\n' +
        '    "created_at": "2026-01-02 03:04:05 UTC",\n    "error_event": "discarded",\n    "labels": [\n      "a"\n    ],\n' +
        '    "lock_type": null\n  }\n}',
    );
  });
  it('shows only columns the database has, in its order', () => {
    expect(jobInspectJson({ id: 'x' }, null, ['lock_type', 'id'])).toBe('{\n  "_good_job": {\n    "id": "x"\n  }\n}');
  });
  it('keeps markup in strings as text', () => {
    expect(jobInspectJson({}, '{"arguments": ["<script>alert(1)</script>"]}', [])).toContain('"<script>alert(1)</script>"');
  });
});

describe('deserializeActiveJob', () => {
  it('drops ActiveJob markers and unwraps serialized values', () => {
    const node = parseOrderedJson(
      '{"s": {"value": "finish", "_aj_serialized": "ActiveJob::Serializers::SymbolSerializer"}, "g": {"_aj_globalid": "gid://a/B/1"}, "h": {"x": 1, "_aj_hash_with_indifferent_access": true}, "_aj_symbol_keys": ["s"]}',
    );
    expect(printJson(deserializeActiveJob(node))).toBe('{\n  "s": "finish",\n  "g": "gid://a/B/1",\n  "h": {\n    "x": 1\n  }\n}');
  });
});

describe('JSON of any depth', () => {
  const nested = (depth: number) => `${'{"a": ['.repeat(depth)}1${']}'.repeat(depth)}`;

  it('parses and prints arguments nested 5,000 levels deep: pretty down to PRETTY_DEPTH, then on one line', () => {
    const depth = 5_000;
    const text = nested(depth);
    const printed = printJson(parseOrderedJson(text));
    // Linear in the depth (a fully indented print would be ~50 MB), and the same JSON again when read back.
    expect(printed.length).toBeLessThan(text.length + 8 * PRETTY_DEPTH * PRETTY_DEPTH);
    expect(printJson(parseOrderedJson(printed))).toBe(printed);
    expect(printed.startsWith('{\n  "a": [\n    {\n      "a": [\n')).toBe(true);
    const compactTail = `${'{"a":['.repeat(depth - PRETTY_DEPTH / 2)}1${']}'.repeat(depth - PRETTY_DEPTH / 2)}`;
    expect(printed).toContain(compactTail);
  });

  it('prints data shallower than PRETTY_DEPTH exactly as JSON.stringify(…, 2) does', () => {
    const text = nested(PRETTY_DEPTH / 2 - 1);
    expect(printJson(parseOrderedJson(text))).toBe(JSON.stringify(JSON.parse(text), null, 2));
  });

  it("shows such a job's Inspect JSON and its batch's properties", () => {
    const text = `{"job_class": "DeepJob", "arguments": [${nested(3_000)}]}`;
    const json = jobInspectJson({ id: 'j', queue_name: 'q' }, text, ['id', 'queue_name', 'serialized_params']);
    expect(json.startsWith('{\n  "job_class": "DeepJob",\n  "arguments": [\n')).toBe(true);
    expect(json).toContain('"_good_job": {\n    "id": "j",\n    "queue_name": "q"\n  }');
    expect(batchAttributesJson({ id: 'b' }, `{"_aj_symbol_keys": [], "deep": ${nested(3_000)}}`, ['id', 'serialized_properties'])).toContain('"deep": {');
  });

  it('prints what it parsed, byte for byte, for every shape', () => {
    for (const text of ['[]', '{}', '"x"', '-1.5', '[[], {}, [[]], {"": {}}]', '{"b": 1, "a": [true, false, null, "q\\"x"], "k": {"z": []}}']) {
      expect(printJson(parseOrderedJson(text)), text).toBe(JSON.stringify(JSON.parse(text), null, 2));
    }
    for (const bad of ['', '[', '{"a" 1}', '[1,]', '{"a": 1,}', '[1] x', '{"a": [}']) expect(() => parseOrderedJson(bad), bad).toThrow();
  });
});
