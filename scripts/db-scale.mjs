// `npm run db:scale -- --database-url URL [--jobs N] [--batches N] [--big-batch N] [--executions N]`
// Fills a database that has GoodJob's schema with realistic rows, set-based (INSERT … SELECT generate_series):
// jobs in every state with GoodJob-shaped serialized_params, their executions (retries before a success, failed
// attempts, running ones; durations per class, ~200 worker processes over time), labels, queues and classes, batches
// in every state, and one big batch. Times end at the moment of the fill, so "the last hour / 24 hours / 7 days" hold
// rows. Jobs labelled `bench` are the only ones `npm run bench` changes.
import pg from 'pg';
import { goodJobSchemaSql } from '../lib/db/seed/demo-data.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const url = arg('database-url', process.env.DATABASE_URL);
const JOBS = Number(arg('jobs', 1_000_000));
const BATCHES = Number(arg('batches', 100_000));
const BIG = Number(arg('big-batch', 100_000));
const EXECUTIONS = Number(arg('executions', JOBS * 3));
// Shares of the jobs by state (i % 100 below): 8 % discarded with 3 executions, 3 % retried and 2 % running with 1,
// 14 % waiting with none; succeeded jobs (73 %) take the rest, retried before they succeed: 1 + round(u × SPREAD).
const SUCCEEDED_ATTEMPTS = (EXECUTIONS / JOBS - 0.29) / 0.73;
const SPREAD = Math.max(0, 2 * (SUCCEEDED_ATTEMPTS - 1));
if (!url || !(JOBS > 0) || !(BATCHES > 0) || !(BIG >= 0) || BIG > JOBS || !(SUCCEEDED_ATTEMPTS >= 1)) {
  console.error('usage: npm run db:scale -- --database-url postgres://… [--jobs 1000000] [--batches 100000] [--big-batch 100000] [--executions ≥ 1.02 × jobs]');
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
// Jobs are created 7 s apart and batches 77 s apart, the newest an hour ago (UTC, as GoodJob writes timestamps).
const utc = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const fillStart = Date.now();
const JOBS_FROM = utc(fillStart - 3_600_000 - JOBS * 7_000);
const BATCHES_FROM = utc(fillStart - 3_600_000 - BATCHES * 77_000);
const BIG_AT = utc(fillStart - 30 * 86_400_000);
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
   FROM (SELECT gen_random_uuid() AS id, i, i % 100 AS k, $2::timestamp + (i * interval '77 seconds') AS c FROM generate_series(1, $1::int) AS i) AS b`,
  [BATCHES, BATCHES_FROM],
);
await step(
  'big batch',
  `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, enqueued_at)
   VALUES ($1, $2::timestamp, $2::timestamp, 'Big scale batch', '{}', 'ScaleCallbackJob', $2::timestamp)`,
  [BIG_BATCH_ID, BIG_AT],
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
      $3::timestamp + (i * interval '7 seconds') AS c,
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
    CASE WHEN n.k BETWEEN 70 AND 77 THEN 3 WHEN n.k BETWEEN 78 AND 91 THEN 0 WHEN n.k BETWEEN 92 AND 96 THEN 1
      ELSE 1 + round(((n.i::bigint * 7919) % 1000) / 999.0 * ${SPREAD})::int END,
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
for (let from = 1; from <= JOBS; from += CHUNK) await step(`jobs ${from}–${Math.min(from + CHUNK - 1, JOBS)}`, jobSql, [from, Math.min(from + CHUNK - 1, JOBS), JOBS_FROM]);

// Executions, in job order (so the table's rows follow time, as GoodJob appends them): every attempt of every job that
// ran. Earlier attempts of a succeeded job failed with a timeout and were retried; a discarded job's three attempts
// carry its error (the last retry_stopped); a retried job's one attempt failed; a running job's attempt has no finish.
// Durations per class (CleanupJob ~20 ms … ReportJob ~3 s, spread ×0.5–2.5); 4 worker processes at a time, replaced
// every 20,000 jobs.
const executionSql = `
  INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, serialized_params, scheduled_at, finished_at, error, error_event, error_backtrace, process_id, duration)
  SELECT gen_random_uuid(), x.started, x.started + coalesce(x.took, interval '0'), x.active_job_id, x.job_class, x.queue_name,
    jsonb_set(x.serialized_params, '{executions}', to_jsonb(x.a - 1)), x.scheduled_at, x.started + x.took, x.err,
    CASE WHEN x.err IS NULL THEN NULL WHEN x.a = x.executions_count AND x.finished_at IS NOT NULL THEN 4 ELSE 3 END,
    CASE WHEN x.err IS NOT NULL THEN ARRAY['/app/app/jobs/' || lower(x.job_class) || '.rb:12:in ''perform''', '/usr/local/bundle/gems/activejob-7.1.3/lib/active_job/execution.rb:68:in ''block in _perform_job'''] END,
    md5('scale process ' || ((x.n / 20000) * 4 + (x.n + x.a) % 4))::uuid, x.took
  FROM (
    SELECT j.*, a, (j.serialized_params->'arguments'->>0)::int AS n, j.created_at + a * interval '1 second' AS started,
      CASE WHEN a = j.executions_count AND j.performed_at IS NOT NULL AND j.finished_at IS NULL THEN NULL
        ELSE interval '1 millisecond' * (CASE j.job_class WHEN 'CleanupJob' THEN 20 WHEN 'ExampleJob' THEN 60 WHEN 'MailerJob' THEN 250 WHEN 'SyncJob' THEN 800 ELSE 3000 END)
          * (0.5 + (((j.serialized_params->'arguments'->>0)::int * 31 + a * 17) % 100) / 50.0) END AS took,
      CASE WHEN a < j.executions_count AND j.error IS NULL THEN 'Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>'
        WHEN a = j.executions_count AND j.finished_at IS NULL AND j.error IS NULL THEN NULL
        ELSE j.error END AS err
    FROM good_jobs j CROSS JOIN LATERAL generate_series(1, j.executions_count) AS a
    WHERE j.executions_count > 0 AND j.created_at >= $1::timestamp AND j.created_at < $2::timestamp
    ORDER BY j.created_at, a
  ) x`;
for (let from = 0; from < JOBS; from += CHUNK) {
  const at = (i) => utc(Date.parse(`${JOBS_FROM}Z`) + i * 7_000 + 500);
  await step(`executions of jobs ${from + 1}–${Math.min(from + CHUNK, JOBS)}`, executionSql, [at(from), at(from + CHUNK)]);
}
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
  JSON.stringify({ jobs: JOBS, batches: BATCHES, bigBatch: BIG, bigBatchId: BIG_BATCH_ID, executions: Number((await client.query('SELECT count(*) FROM good_job_executions')).rows[0].count) }),
]);
await step('analyze', 'ANALYZE good_jobs, good_job_batches, good_job_executions');
await client.end();
console.log(`db:scale filled ${JOBS} jobs and ${BATCHES + 1} batches in ${((Date.now() - started) / 1000).toFixed(1)} s`);
