// Times long actions as an operator runs them, in Chromium: Discard batch on a batch of `jobs` queued jobs, and a bulk
// discard of as many jobs matched by a filter, each from one confirmation to the final answer. Every step is one
// server action request; its time, until its answer starts, is read off the browser's own timing of that request. The rows are made here
// (labelled `bench-run`, in a batch of their own) and removed afterwards, so the database is left as it was.
import { randomUUID } from 'node:crypto';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

async function seed(db, jobs) {
  const batchId = randomUUID();
  const queue = `bench-run-${batchId.slice(0, 8)}`;
  await db.query(`INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, enqueued_at) VALUES ($1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 'bench run', '{}', now() AT TIME ZONE 'UTC')`, [batchId]);
  await db.query(
    `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, batch_id, job_class, labels)
     SELECT id, id, $3, 0, jsonb_build_object('job_id', id, 'arguments', jsonb_build_array(i), 'job_class', 'BenchRunJob', 'queue_name', $3::text, 'executions', 0), t, t, t, $1, 'BenchRunJob', ARRAY['bench-run']
     FROM (SELECT gen_random_uuid() AS id, i, (now() AT TIME ZONE 'UTC') - interval '1 hour' + i * interval '1 microsecond' AS t FROM generate_series(1, $2::int) AS i) AS s`,
    [batchId, jobs, queue],
  );
  return { batchId, queue };
}

async function remove(db, batchId) {
  await db.query('DELETE FROM good_jobs WHERE batch_id = $1 OR batch_callback_id = $1', [batchId]);
  await db.query('DELETE FROM good_job_batches WHERE id = $1', [batchId]);
}

/** One run: open the page, press the action, confirm, wait for the final answer; the steps' times and the whole. */
async function timeRun(page, db, base, jobs, start) {
  const { batchId, queue } = await seed(db, jobs);
  // Every step's time until its answer starts (the server has run the step and written the head): Playwright's
  // 'requestfinished' and response.finished() miss some of these streamed answers.
  const steps = [];
  const onFinished = (response) => {
    const request = response.request();
    if (request.method() === 'POST' && request.headers()['next-action']) steps.push(request.timing().responseStart);
  };
  try {
    const started = await start(batchId, queue);
    page.on('response', onFinished);
    const t0 = performance.now();
    await started.confirm();
    const toast = page.getByTestId('action-result').locator('.toast');
    await toast.waitFor({ timeout: 15 * 60_000 });
    const seconds = (performance.now() - t0) / 1000;
    page.off('response', onFinished);
    const outcome = await toast.getAttribute('data-outcome');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM good_jobs WHERE batch_id = $1 AND error_event = 5`, [batchId]);
    steps.sort((a, b) => a - b);
    return { jobs, outcome, discarded: rows[0].n, seconds, jobsPerSecond: rows[0].n / seconds, steps: steps.length, stepP50Ms: quantile(steps, 0.5), stepP95Ms: quantile(steps, 0.95), stepMaxMs: steps[steps.length - 1] };
  } finally {
    page.off('response', onFinished);
    await remove(db, batchId);
  }
}

export async function timeStepRuns(page, db, base, jobs = 20_000) {
  const discardBatch = await timeRun(page, db, base, jobs, async (batchId) => {
    await page.goto(`${base}/en/batches/${batchId}`);
    await page.getByTestId('action-discard-batch').click();
    return { confirm: () => page.getByRole('dialog').getByRole('button', { name: 'Discard batch', exact: true }).click() };
  });
  const bulkDiscard = await timeRun(page, db, base, jobs, async (_batchId, queue) => {
    await page.goto(`${base}/en/jobs?state=queued&queue=${queue}`);
    await page.getByTestId('bulk-scope-filter').check();
    await page.getByTestId('bulk-action').selectOption('discard');
    await page.getByTestId('bulk-apply').click();
    return { confirm: () => page.getByRole('dialog').getByRole('button', { name: 'Discard', exact: true }).click() };
  });
  return [
    { name: `Discard batch (${jobs.toLocaleString('en')}-job batch)`, ...discardBatch },
    { name: `bulk discard over a filter (${jobs.toLocaleString('en')} jobs)`, ...bulkDiscard },
  ];
}

/** The results as Markdown lines: every step one request, its p95 against the ~2 s a step may take. */
export function stepRunsMd(runs) {
  const ms = (v) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  return [
    '| long action, from one confirmation (Chromium) | outcome | jobs discarded | steps | step p50 / p95 / max ms (target p95 < 2,000) | whole run s | jobs/s |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...runs.map((r) => `| ${r.name} | ${r.outcome} | ${r.discarded.toLocaleString('en')} | ${r.steps} | ${ms(r.stepP50Ms)} / ${ms(r.stepP95Ms)} / ${ms(r.stepMaxMs)} ${r.stepP95Ms < 2000 ? 'met' : '**missed**'} | ${r.seconds.toFixed(1)} | ${Math.round(r.jobsPerSecond).toLocaleString('en')} |`),
  ];
}
