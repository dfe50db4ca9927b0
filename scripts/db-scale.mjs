// `npm run db:scale -- --database-url URL [--jobs N] [--batches N] [--big-batch N]`
// Fills a database that has GoodJob's schema with realistic rows, set-based (INSERT … SELECT generate_series):
// jobs in every state with GoodJob-shaped serialized_params, executions for failed attempts, labels, queues and
// classes, batches in every state, and one big batch. Jobs labelled `bench` are the only ones `npm run bench` changes.
import pg from 'pg';
import { goodJobSchemaSql } from './lib/demo-data.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const url = arg('database-url', process.env.DATABASE_URL);
const JOBS = Number(arg('jobs', 1_000_000));
const BATCHES = Number(arg('batches', 100_000));
const BIG = Number(arg('big-batch', 100_000));
if (!url || !(JOBS > 0) || !(BATCHES > 0) || !(BIG >= 0) || BIG > JOBS) {
  console.error('usage: npm run db:scale -- --database-url postgres://… [--jobs 1000000] [--batches 100000] [--big-batch 100000]');
  process.exit(2);
}
export const SCALE_MARKER = 'goodjob_dashboard_scale';
export const BIG_BATCH_ID = 'b16b0000-0000-4000-8000-000000000001';
const CHUNK = 100_000;

const client = new pg.Client({ connectionString: url });
await client.connect();
const started = Date.now();
const step = async (label, sql, params = []) => {
  const t = Date.now();
  const result = await client.query(sql, params);
  console.log(`${label}: ${result.rowCount ?? ''} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
};

const { rows } = await client.query(`SELECT to_regclass('good_jobs') IS NOT NULL AS has`);
if (!rows[0].has) {
  console.log('No GoodJob schema here: creating it (drizzle/0000_goodjob_v4_schema.sql).');
  await client.query(goodJobSchemaSql());
}
const marker = await client.query(`SELECT 1 FROM good_job_settings WHERE key = $1`, [SCALE_MARKER]);
if (marker.rowCount > 0) {
  console.error('This database was filled by db:scale already; use a fresh one.');
  process.exit(1);
}
const hasJobsFinishedAt = (await client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'good_job_batches' AND column_name = 'jobs_finished_at'`)).rowCount > 0;

// Batches: 70% succeeded, 10% discarded, 10% in progress, 5% callbacks running, 5% not enqueued; created over 90 days.
await step(
  'batches',
  `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, enqueued_at, discarded_at, finished_at${hasJobsFinishedAt ? ', jobs_finished_at' : ''})
   SELECT id, c, c + interval '1 minute', 'Scale batch ' || i, jsonb_build_object('n', i, '_aj_symbol_keys', jsonb_build_array('n')), 'ScaleCallbackJob',
     CASE WHEN k < 95 THEN c END,
     CASE WHEN k BETWEEN 70 AND 79 THEN c + interval '50 seconds' END,
     CASE WHEN k < 80 THEN c + interval '1 minute' END
     ${hasJobsFinishedAt ? ", CASE WHEN k < 80 OR k BETWEEN 90 AND 94 THEN c + interval '55 seconds' END" : ''}
   FROM (SELECT gen_random_uuid() AS id, i, i % 100 AS k, timestamp '2026-08-01' + (i * interval '77 seconds') AS c FROM generate_series(1, $1::int) AS i) AS b`,
  [BATCHES],
);
await step(
  'big batch',
  `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, enqueued_at)
   VALUES ($1, timestamp '2026-11-01', timestamp '2026-11-01', 'Big scale batch', '{}', 'ScaleCallbackJob', timestamp '2026-11-01')`,
  [BIG_BATCH_ID],
);
const { rows: batchIds } = await client.query(`SELECT count(*)::int AS n FROM good_job_batches`);
console.log(`batches in the database: ${batchIds[0].n}`);

// Jobs: the first BIG belong to the big batch; then 40% in regular batches, 60% on their own.
// States by i % 100: 0–69 succeeded, 70–77 discarded, 78–85 queued, 86–91 scheduled, 92–94 retried, 95–96 running, 97–99 succeeded.
const jobSql = `
  WITH numbered AS (
    SELECT gen_random_uuid() AS id, i, i % 100 AS k,
      (ARRAY['default','mice','elephants','backlog','critical'])[1 + i % 5] AS q,
      (ARRAY['ExampleJob','MailerJob','ReportJob','SyncJob','CleanupJob'])[1 + (i / 7) % 5] AS cls,
      timestamp '2026-08-01' + (i * interval '7 seconds') AS c,
      (clock_timestamp() AT TIME ZONE 'UTC') AS now
    FROM generate_series($1::int, $2::int) AS i
  )
  INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, scheduled_at, performed_at, finished_at, error, created_at, updated_at,
    concurrency_key, batch_id, is_discrete, executions_count, job_class, error_event, labels)
  SELECT n.id, n.id, n.q, (n.i % 3) - 1,
    jsonb_build_object('job_id', n.id, 'locale', 'en', 'priority', NULL, 'timezone', 'UTC', 'arguments', jsonb_build_array(n.i, 'scale ' || n.cls),
      'job_class', n.cls, 'executions', CASE WHEN n.k BETWEEN 70 AND 77 THEN 2 WHEN n.k BETWEEN 92 AND 94 THEN 2 ELSE 0 END, 'queue_name', n.q,
      'enqueued_at', to_char(n.c, 'YYYY-MM-DD"T"HH24:MI:SS.US"000Z"'), 'scheduled_at', NULL, 'provider_job_id', n.id, 'exception_executions', '{}'::jsonb),
    CASE WHEN n.k BETWEEN 86 AND 94 THEN n.now + interval '1 day' + (n.i % 1000) * interval '1 second' ELSE n.c END,
    CASE WHEN n.k < 78 OR n.k > 94 THEN n.c + interval '1 second' END,
    CASE WHEN n.k < 78 OR n.k > 96 THEN n.c + interval '2 seconds' END,
    CASE WHEN n.k BETWEEN 70 AND 77 THEN n.cls || '::Error: failed for good (' || n.i || ')' WHEN n.k BETWEEN 92 AND 94 THEN 'StandardError: try again' END,
    n.c, n.c + interval '2 seconds', n.cls,
    CASE WHEN n.i <= ${BIG} THEN '${BIG_BATCH_ID}'::uuid WHEN n.i % 10 < 4 THEN b.id END,
    true,
    CASE WHEN n.k BETWEEN 70 AND 77 THEN 3 WHEN n.k BETWEEN 92 AND 94 THEN 1 WHEN n.k BETWEEN 78 AND 91 THEN 0 ELSE 1 END,
    n.cls,
    CASE WHEN n.k BETWEEN 70 AND 77 THEN 4 WHEN n.k BETWEEN 92 AND 94 THEN 3 END,
    CASE WHEN n.i % 1000 BETWEEN 70 AND 77 THEN ARRAY['bench', 'scale'] WHEN n.i % 4 = 0 THEN ARRAY['scale', n.q] END
  FROM numbered n LEFT JOIN scale_batch_numbers b ON b.n = 1 + n.i % ${BATCHES}`;
await step(
  'batch numbers',
  `CREATE TEMP TABLE scale_batch_numbers AS SELECT row_number() OVER (ORDER BY created_at, id)::int AS n, id FROM good_job_batches WHERE id <> '${BIG_BATCH_ID}'`,
);
await client.query('CREATE UNIQUE INDEX ON scale_batch_numbers (n)');
await client.query('ANALYZE scale_batch_numbers');
for (let from = 1; from <= JOBS; from += CHUNK) await step(`jobs ${from}–${Math.min(from + CHUNK - 1, JOBS)}`, jobSql, [from, Math.min(from + CHUNK - 1, JOBS)]);

// Executions for failed attempts: two retried and the final retry_stopped for each discarded job, one for each retried job.
await step(
  'executions',
  `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, serialized_params, scheduled_at, finished_at, error, error_event, error_backtrace, duration)
   SELECT gen_random_uuid(), j.created_at + a * interval '1 second', j.created_at + a * interval '1 second', j.active_job_id, j.job_class, j.queue_name,
     jsonb_set(j.serialized_params, '{executions}', to_jsonb(a - 1)), j.created_at, j.created_at + a * interval '1 second', j.error,
     CASE WHEN a = j.executions_count AND j.finished_at IS NOT NULL THEN 4 ELSE 3 END,
     ARRAY['/app/app/jobs/' || lower(j.job_class) || '.rb:12:in ''perform''', '/usr/local/bundle/gems/activejob-7.1.3/lib/active_job/execution.rb:68:in ''block in _perform_job'''],
     interval '15 milliseconds'
   FROM good_jobs j CROSS JOIN LATERAL generate_series(1, j.executions_count) AS a
   WHERE j.error IS NOT NULL`,
);
// Cron: 10% of the jobs outside batches (at most 100,000) are runs of 20 cron keys, each run its own cron_at (GoodJob's
// unique (cron_key, cron_at)); and a pauses row, as GoodJob's Pauses page writes it.
await step(
  'cron runs',
  `WITH picked AS (
     SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM good_jobs
     WHERE batch_id IS NULL AND batch_callback_id IS NULL ORDER BY created_at, id LIMIT LEAST($1::int / 10, 100000))
   UPDATE good_jobs g SET cron_key = 'scale_cron_' || (p.n % 20), cron_at = g.created_at + p.n * interval '1 microsecond'
   FROM picked p WHERE g.id = p.id`,
  [JOBS],
);
await step('pauses', `INSERT INTO good_job_settings (id, created_at, updated_at, key, value) VALUES (gen_random_uuid(), now(), now(), 'pauses', '{"labels": [], "queues": ["elephants"], "job_classes": []}') ON CONFLICT (key) DO NOTHING`);
await step('marker', `INSERT INTO good_job_settings (id, created_at, updated_at, key, value) VALUES (gen_random_uuid(), now(), now(), $1, $2)`, [
  SCALE_MARKER,
  JSON.stringify({ jobs: JOBS, batches: BATCHES, bigBatch: BIG, bigBatchId: BIG_BATCH_ID }),
]);
await step('analyze', 'ANALYZE good_jobs, good_job_batches, good_job_executions');
await client.end();
console.log(`db:scale filled ${JOBS} jobs and ${BATCHES + 1} batches in ${((Date.now() - started) / 1000).toFixed(1)} s`);
