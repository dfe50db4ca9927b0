// Turns the seed pages (text copied from GoodJob's own batch pages, kept in e2e/fixtures/seed-pages)
// into INSERT statements for the demo database: lib/db/seed/demo-seeds.sql.
// Run by hand when the seed pages change: node scripts/build-demo-seeds.mjs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const dir = 'e2e/fixtures/seed-pages';
const ERROR_EVENTS = { interrupted: 0, unhandled: 1, handled: 2, retried: 3, retry_stopped: 4, discarded: 5 };

function jsonBlocks(text) {
  const blocks = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (current === null && line.startsWith('{')) current = [];
    if (current !== null) {
      current.push(line);
      if (line.startsWith('}')) {
        blocks.push(JSON.parse(current.join('\n')));
        current = null;
      }
    }
  }
  return blocks;
}

const lit = (v) => {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
};
const time = (v, fraction = '') => (v === null ? 'NULL' : lit(v.replace(/ UTC$/, '') + fraction));
const arr = (v) => (v === null ? 'NULL' : lit(`{${v.map((s) => `"${s.replace(/"/g, '\\"')}"`).join(',')}}`));
// Stable made-up ids for executions, so that re-running this script changes nothing.
const fakeUuid = (seed) => {
  const h = createHash('md5').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const addSeconds = (t, s) => {
  const d = new Date(t.replace(' UTC', 'Z').replace(' ', 'T'));
  return new Date(d.getTime() + s * 1000).toISOString().replace('T', ' ').replace('Z', '');
};

const out = ['-- Demo batches rebuilt from the seed pages (GoodJob batch pages as an operator saw them).'];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const [batch, ...jobs] = jsonBlocks(readFileSync(`${dir}/${file}`, 'utf8'));
  const props = { ...batch.properties, _aj_symbol_keys: Object.keys(batch.properties ?? {}) };
  out.push(`-- ${file}`);
  out.push(
    `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, on_success, on_discard, callback_queue_name, callback_priority, enqueued_at, discarded_at, finished_at, jobs_finished_at) VALUES (${[
      lit(batch.id), time(batch.created_at), time(batch.updated_at), lit(batch.description), lit(JSON.stringify(props)),
      lit(batch.on_finish), lit(batch.on_success), lit(batch.on_discard), lit(batch.callback_queue_name),
      lit(batch.callback_priority), time(batch.enqueued_at), time(batch.discarded_at), time(batch.finished_at),
      time(batch.jobs_finished_at),
    ].join(', ')});`,
  );
  for (const [index, job] of jobs.entries()) {
    const { _good_job: g, ...params } = job;
    // The pages print whole seconds; the fractions below (the same for every time of a row) make `created_at DESC`
    // give the pages' row order where two jobs were created in the same second.
    const f = `.${String(900000 - index * 10000).padStart(6, '0')}`;
    const jt = (v) => time(v, f);
    out.push(
      `INSERT INTO good_jobs (id, queue_name, priority, serialized_params, scheduled_at, performed_at, finished_at, error, created_at, updated_at, active_job_id, concurrency_key, cron_key, retried_good_job_id, cron_at, batch_id, batch_callback_id, is_discrete, executions_count, job_class, error_event, labels, locked_by_id, locked_at) VALUES (${[
        lit(g.id), lit(g.queue_name), lit(g.priority), lit(JSON.stringify(params)), jt(g.scheduled_at),
        jt(g.performed_at), jt(g.finished_at), lit(g.error), jt(g.created_at), jt(g.updated_at),
        lit(g.active_job_id), lit(g.concurrency_key), lit(g.cron_key), 'NULL', jt(g.cron_at), lit(g.batch_id),
        lit(g.batch_callback_id), 'true', lit(g.executions_count), lit(g.job_class),
        g.error_event === null ? 'NULL' : ERROR_EVENTS[g.error_event], arr(g.labels), lit(g.locked_by_id), jt(g.locked_at),
      ].join(', ')});`,
    );
    // Executions: one per attempt; every attempt but the last failed (the last one failed too if the job did).
    const n = g.executions_count ?? 0;
    for (let i = 1; i <= n; i += 1) {
      const last = i === n;
      const failed = !last || g.error !== null;
      const errorClass = Object.keys(params.exception_executions ?? {})[0]?.replace(/^\[|\]$/g, '') ?? 'StandardError';
      const error = failed ? (last ? g.error : `${errorClass}: ${errorClass === 'StandardError' ? 'Executed 1 time.' : errorClass}`) : null;
      const event = failed ? (last ? ERROR_EVENTS[g.error_event] ?? 4 : 3) : null;
      const start = last ? g.performed_at : addSeconds(g.created_at, i - 1);
      const end = last ? g.finished_at : addSeconds(g.created_at, i - 0.5);
      const serialized = { ...params, executions: i - 1 };
      out.push(
        `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, serialized_params, scheduled_at, finished_at, error, error_event, error_backtrace, process_id, duration) VALUES (${[
          lit(fakeUuid(`${g.id}-${i}`)), time(start), time(end), lit(g.active_job_id), lit(g.job_class), lit(g.queue_name),
          lit(JSON.stringify(serialized)), time(i === 1 ? g.created_at : start), time(end), lit(error),
          event === null ? 'NULL' : event, failed ? arr(["/app/app/jobs/example_job.rb:30:in `perform'", "/usr/local/bundle/gems/activejob-7.1.3/lib/active_job/execution.rb:68:in `block in _perform_job'"]) : 'NULL',
          'NULL', lit('00:00:00.2'),
        ].join(', ')});`,
      );
    }
  }
}
writeFileSync('lib/db/seed/demo-seeds.sql', `${out.join('\n')}\n`);
console.log(`wrote lib/db/seed/demo-seeds.sql (${out.length} lines)`);
