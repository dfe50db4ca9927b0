import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, messages, test, type Locale } from './fixtures';
import { seedBatch } from './seed';

const jobIdsShown = (page: Page) => page.locator('[data-testid="jobs"] tbody.job').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')));
const STATES = ['scheduled', 'retried', 'queued', 'running', 'succeeded', 'discarded'] as const;

test('each state tab shows its jobs with its badge and count (ko)', async ({ page }) => {
  const m = messages('ko');
  await page.goto('/ko/jobs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.JobsPage!.title!);
  for (const state of STATES) {
    const tab = page.getByTestId('state-tabs').locator(`[data-state="${state}"]`);
    await tab.click();
    await expect(page).toHaveURL(new RegExp(`state=${state}`));
    await expect(tab).toHaveAttribute('aria-current', 'page');
    const count = Number(await tab.locator('.tab-count').textContent());
    if (count === 0) {
      await expect(page.getByText(m.JobsPage!.empty!)).toBeVisible();
      continue;
    }
    const rows = page.locator('[data-testid="jobs"] tbody.job');
    await expect(rows).toHaveCount(Math.min(count, 50));
    // On the fixture, GoodJob's filter and its badge rule agree for every row.
    const statuses = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(new Set(statuses)).toEqual(new Set([state]));
    await expect(rows.first().getByTestId(`status-${state}`)).toHaveText(m.JobStatus![state]!);
  }
});

test('queue, class and label filters narrow the list and stay in the URL (ja)', async ({ page }) => {
  await page.goto('/ja/jobs');
  await page.getByTestId('queue-filter').selectOption('mice');
  await page.getByRole('button', { name: messages('ja').JobsPage!.apply }).click();
  await expect(page).toHaveURL(/queue=mice/);
  const queues = await page.locator('[data-testid="jobs"] td.queue').allTextContents();
  expect(queues.length).toBeGreaterThan(0);
  expect(new Set(queues)).toEqual(new Set(['mice']));

  await page.goto('/ja/jobs');
  await page.getByTestId('label-filter').selectOption('dead');
  await page.getByTestId('class-filter').selectOption('ExampleJob');
  await page.getByRole('button', { name: messages('ja').JobsPage!.apply }).click();
  await expect(page).toHaveURL(/label=dead/);
  await expect(page).toHaveURL(/job_class=ExampleJob/);
  const rows = page.locator('[data-testid="jobs"] tbody.job');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const pills of await rows.locator('.pills').allTextContents()) expect(pills).toContain('dead');
  // The state tabs keep the other filters.
  await page.getByTestId('state-tabs').locator('[data-state="discarded"]').click();
  await expect(page).toHaveURL(/label=dead/);
  await expect(page).toHaveURL(/state=discarded/);
});

test('search by UUID goes straight to the job; search by error text lists the jobs (ru)', async ({ page }) => {
  const m = messages('ru');
  await page.goto('/ru/jobs');
  await page.getByTestId('search').fill('d2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba');
  await page.getByRole('button', { name: m.JobsPage!.apply }).click();
  await expect(page).toHaveURL(/\/ru\/jobs\/d2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba$/);
  await expect(page.locator('p.job-id')).toHaveText('d2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba');

  await page.goto('/ru/jobs');
  await page.getByTestId('search').fill('DeadError');
  await page.getByRole('button', { name: m.JobsPage!.apply }).click();
  await expect(page).toHaveURL(/q=DeadError/);
  await expect(page.getByTestId('search')).toHaveValue('DeadError');
  const errors = await page.locator('[data-testid="jobs"] .error-line').allTextContents();
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.every((e) => e.includes('DeadError'))).toBe(true);

  await page.goto(`/ru/jobs?q=${randomUUID()}`);
  await expect(page.getByText(/Задания с ID .* нет\./)).toBeVisible();
});

test('pages through more jobs than a page holds, forward and back (ko)', async ({ page, db }) => {
  const queue = `paging-${Date.now()}`;
  await db.query(
    `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, finished_at, job_class, executions_count)
     SELECT id, id, $1, 0, '{"arguments": []}', t, t, t, t, 'PagedJob', 1
     FROM (SELECT gen_random_uuid() AS id, timestamp '2025-01-01' + i * interval '1 minute' AS t FROM generate_series(1, 75) AS i) AS s`,
    [queue],
  );
  const { rows } = await db.query<{ id: string }>('SELECT id FROM good_jobs WHERE queue_name = $1 ORDER BY created_at DESC, id DESC', [queue]);
  await page.goto(`/ko/jobs?queue=${queue}`);
  await expect.poll(() => jobIdsShown(page)).toEqual(rows.slice(0, 50).map((r) => r.id));
  await page.locator('a[rel="next"]').click();
  await expect.poll(() => jobIdsShown(page)).toEqual(rows.slice(50).map((r) => r.id));
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);
  await page.locator('a[rel="prev"]').click();
  await expect.poll(() => jobIdsShown(page)).toEqual(rows.slice(0, 50).map((r) => r.id));
});

for (const locale of ['ja', 'ru'] as const satisfies readonly Locale[]) {
  test(`bulk retry of discarded jobs shows its summary and retries them in the database (${locale})`, async ({ page, db }) => {
    const m = messages(locale);
    const { jobIds } = await seedBatch(db, ['discarded', 'discarded', 'discarded']);
    const queue = `bulk-${locale}-${Date.now()}`;
    await db.query('UPDATE good_jobs SET queue_name = $2 WHERE id = ANY($1)', [jobIds, queue]);
    await page.goto(`/${locale}/jobs?state=discarded&queue=${queue}`);
    await expect(page.locator('[data-testid="jobs"] tbody.job')).toHaveCount(3);
    // Select two rows, then change to "all matching this filter" (3).
    await page.locator(`tbody[data-job-id="${jobIds[0]}"] [data-testid="select-job"]`).check();
    await page.locator(`tbody[data-job-id="${jobIds[1]}"] [data-testid="select-job"]`).check();
    await page.getByTestId('bulk-scope-filter').check();
    await page.getByTestId('bulk-action').selectOption('retry');
    await page.getByTestId('bulk-apply').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('3');
    await dialog.getByRole('button', { name: m.JobAction!.retry, exact: true }).click();
    const toast = page.getByTestId('action-result').locator('.toast span');
    await expect(toast).toContainText('3');
    await expect(page.getByText(m.JobsPage!.empty!)).toBeVisible();
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM good_jobs WHERE id = ANY($1) AND finished_at IS NULL AND error_event = 3`, [jobIds]);
    expect(rows[0].n).toBe(3);
  });
}

test('bulk discard of selected rows skips jobs in another state and says so (ko)', async ({ page, db }) => {
  const m = messages('ko');
  const { jobIds } = await seedBatch(db, ['queued', 'succeeded']);
  const queue = `bulk-mixed-${Date.now()}`;
  await db.query('UPDATE good_jobs SET queue_name = $2 WHERE id = ANY($1)', [jobIds, queue]);
  await page.goto(`/ko/jobs?queue=${queue}`);
  for (const id of jobIds) await page.locator(`tbody[data-job-id="${id}"] [data-testid="select-job"]`).check();
  await expect(page.getByTestId('bulk-selected')).toContainText('2');
  await page.getByTestId('bulk-action').selectOption('discard');
  await page.getByTestId('bulk-apply').click();
  await page.getByRole('dialog').getByRole('button', { name: m.JobAction!.discard, exact: true }).click();
  const toast = page.getByTestId('action-result').locator('.toast');
  await expect(toast).toHaveAttribute('data-outcome', 'partial');
  await expect(toast.locator('span')).toHaveText(/작업 1개 완료.*작업 1개는 그사이 상태가 바뀌어/);
  const { rows } = await db.query('SELECT id, error_event FROM good_jobs WHERE id = ANY($1)', [jobIds]);
  expect(Object.fromEntries(rows.map((r) => [r.id, r.error_event]))).toEqual({ [jobIds[0]!]: 5, [jobIds[1]!]: null });
});

test('the job page shows a failed job with its executions, error and backtrace (ja)', async ({ page }) => {
  const m = messages('ja').JobPage!;
  await page.goto('/ja/jobs/d2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ExampleJob');
  await expect(page.getByTestId('job-facts')).toContainText('mice');
  await expect(page.getByRole('heading', { level: 2, name: m.arguments })).toBeVisible();
  const executions = page.getByTestId('execution');
  expect(await executions.count()).toBeGreaterThanOrEqual(3);
  const newest = executions.first();
  await expect(newest.getByRole('heading', { level: 3 })).toHaveText(/#\d+/);
  await expect(newest.getByTestId('execution-error')).toHaveText('ExampleJob::DeadError: ExampleJob::DeadError');
  await expect(newest.getByTestId('application-frames')).toHaveText(/example_job\.rb:\d+:in `perform'/);
  await expect(newest.getByTestId('full-backtrace')).toBeHidden();
  await newest.getByText(/完全なバックトレース/).click();
  await expect(newest.getByTestId('full-backtrace')).toContainText('/gems/');
  const malformed = await page.goto('/ja/jobs/not-a-job');
  expect(malformed?.status()).toBe(404);
});

test('the processes page lists the fixture worker, active only while it holds its advisory lock (en)', async ({ page, db }) => {
  const id = 'c6443cde-8be5-44eb-bdcf-aee4a02808a6';
  await page.goto('/en/processes');
  const row = page.locator(`[data-process-id="${id}"]`);
  await expect(row).toContainText('vm');
  await expect(row).toContainText('20283');
  // GoodJob's queue syntax, explained: "-backlog" is every queue but backlog.
  await expect(row.locator('.cell-queues')).toHaveText('All queues except backlog -backlog · 5 threads');
  await expect(row.locator('.cell-cron')).toHaveText('Runs cron');
  await expect(row.locator('.cell-pool')).toHaveText('1 of 20 in use');
  // Its heartbeat is recent (the fixture is loaded time-shifted), but by GoodJob's rule a process with a lock type is
  // alive only while its session holds the lock: no one holds it, so it is inactive.
  await expect(page.getByTestId('inactive-processes')).toContainText('vm');

  const worker = await db.connect();
  try {
    await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_job_processes-' || $1::text), 1, 16))::bit(64)::bigint)`, [id]);
    await page.reload();
    await expect(page.getByTestId('active-processes').locator(`[data-process-id="${id}"]`)).toContainText('vm');
    await expect(page.getByTestId('inactive-processes').locator(`[data-process-id="${id}"]`)).toHaveCount(0);
  } finally {
    await worker.query('SELECT pg_advisory_unlock_all()');
    worker.release();
  }
  await page.reload();
  await expect(page.getByTestId('inactive-processes').locator(`[data-process-id="${id}"]`)).toBeVisible();
});
