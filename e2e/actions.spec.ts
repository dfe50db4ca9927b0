import { expect, messages, test, type Locale } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';

for (const locale of ['ko', 'ja', 'ru'] as const satisfies readonly Locale[]) {
  const m = messages(locale);
  test.describe(`actions in ${locale}`, () => {
    test('retry a discarded batched job through the menu and the confirm dialog', async ({ page, db }) => {
      const { batchId, jobIds } = await seedBatch(db, ['discarded', 'succeeded']);
      const batchPage = new BatchPage(page, locale);
      await batchPage.open(batchId);
      const jobId = jobIds[0]!;
      await expect(batchPage.job(jobId).getByTestId('status-discarded')).toHaveText(m.JobStatus!.discarded!);
      const question = await batchPage.act(jobId, 'retry');
      expect(question).toContain(jobId);
      expect(question).toContain('ExampleJob');
      await expect(batchPage.job(jobId).getByTestId('status-queued')).toHaveText(m.JobStatus!.queued!);
      expect(await batchPage.result()).toContain(jobId);
      const { rows } = await db.query(`SELECT finished_at, performed_at, error_event, error, serialized_params->>'executions' AS executions FROM good_jobs WHERE id = $1`, [jobId]);
      expect(rows[0]).toEqual({ finished_at: null, performed_at: null, error_event: 3, error: 'ExampleJob::DeadError: ExampleJob::DeadError', executions: '3' });
      // The menu now offers what a queued job allows.
      await batchPage.job(jobId).getByText(m.JobAction!.menu!, { exact: true }).click();
      await expect(batchPage.job(jobId).getByTestId('action-retry')).toHaveCount(0);
      await expect(batchPage.job(jobId).getByTestId('action-discard')).toBeVisible();
    });

    test('discard a queued job', async ({ page, db }) => {
      const { batchId, jobIds } = await seedBatch(db, ['queued']);
      const batchPage = new BatchPage(page, locale);
      await batchPage.open(batchId);
      await batchPage.act(jobIds[0]!, 'discard');
      await expect(batchPage.job(jobIds[0]!).getByTestId('status-discarded')).toHaveText(m.JobStatus!.discarded!);
      const { rows } = await db.query('SELECT error, error_event, finished_at IS NOT NULL AS finished FROM good_jobs WHERE id = $1', [jobIds[0]]);
      expect(rows[0]).toEqual({ error: 'GoodJob::Job::DiscardJobError: Discarded through dashboard', error_event: 5, finished: true });
    });

    test('retry a whole discarded batch', async ({ page, db }) => {
      const { batchId, jobIds } = await seedBatch(db, ['discarded', 'discarded', 'succeeded']);
      const batchPage = new BatchPage(page, locale);
      await batchPage.open(batchId);
      await expect(page.getByTestId('batch-state-discarded')).toHaveText(m.BatchState!.discarded!);
      const question = await batchPage.retryBatch();
      expect(question).toContain(batchId);
      expect(question).toContain('2');
      await expect(page.getByTestId('batch-state-inProgress')).toHaveText(m.BatchState!.inProgress!);
      await expect(batchPage.batchedJobs.getByTestId('status-queued')).toHaveCount(2);
      await expect(page.getByTestId('action-retry-batch')).toHaveCount(0);
      const { rows } = await db.query('SELECT discarded_at, finished_at, jobs_finished_at FROM good_job_batches WHERE id = $1', [batchId]);
      expect(rows[0]).toEqual({ discarded_at: null, finished_at: null, jobs_finished_at: null });
      const jobs = await db.query('SELECT id FROM good_jobs WHERE batch_id = $1 AND finished_at IS NULL ORDER BY id', [batchId]);
      expect(jobs.rows.map((r) => r.id)).toEqual([jobIds[0], jobIds[1]].sort());
    });
  });
}

test('a job that a worker holds answers "running right now" and is not changed', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['discarded']);
  const worker = await db.connect();
  try {
    await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_jobs-' || $1::text), 1, 16))::bit(64)::bigint)`, [jobIds[0]]);
    const batchPage = new BatchPage(page, 'ru');
    await batchPage.open(batchId);
    await batchPage.act(jobIds[0]!, 'retry');
    expect(await batchPage.result()).toBe(messages('ru').ActionResult!.locked);
    await expect(batchPage.job(jobIds[0]!).getByTestId('status-discarded')).toBeVisible();
    const { rows } = await db.query('SELECT finished_at IS NOT NULL AS finished FROM good_jobs WHERE id = $1', [jobIds[0]]);
    expect(rows[0].finished).toBe(true);
  } finally {
    await worker.query('SELECT pg_advisory_unlock_all()');
    worker.release();
  }
});

test('a second tab acting on the same job gets "wrong state"', async ({ browser, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['discarded']);
  const first = new BatchPage(await browser.newPage(), 'ja');
  const second = new BatchPage(await browser.newPage(), 'ja');
  await first.open(batchId);
  await second.open(batchId);
  await first.act(jobIds[0]!, 'retry');
  await expect(first.job(jobIds[0]!).getByTestId('status-queued')).toBeVisible();
  await second.act(jobIds[0]!, 'retry');
  expect(await second.result()).toBe(messages('ja').ActionResult!.wrongState);
  const { rows } = await db.query(`SELECT serialized_params->>'executions' AS executions FROM good_jobs WHERE id = $1`, [jobIds[0]]);
  expect(rows[0].executions).toBe('3');
});

test('destroy a succeeded job removes its row and says so', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['succeeded', 'queued']);
  const batchPage = new BatchPage(page, 'en');
  await batchPage.open(batchId);
  await batchPage.act(jobIds[0]!, 'destroy');
  await expect(batchPage.job(jobIds[0]!)).toHaveCount(0);
  expect(await batchPage.result()).toContain(jobIds[0]!);
  const { rowCount } = await db.query('SELECT 1 FROM good_jobs WHERE id = $1', [jobIds[0]]);
  expect(rowCount).toBe(0);
});

test('cancelling the dialog changes nothing', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued']);
  const batchPage = new BatchPage(page, 'ko');
  await batchPage.open(batchId);
  await batchPage.job(jobIds[0]!).getByText(messages('ko').JobAction!.menu!, { exact: true }).click();
  await batchPage.job(jobIds[0]!).getByTestId('action-discard').click();
  await page.getByRole('dialog').getByRole('button', { name: messages('ko').ConfirmAction!.cancel }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  const { rows } = await db.query('SELECT finished_at FROM good_jobs WHERE id = $1', [jobIds[0]]);
  expect(rows[0].finished_at).toBeNull();
});
