// The batch page's insight: the timeline (chart + its data table), the error summary's links.
import { randomUUID } from 'node:crypto';
import { expect, messages, test, type Locale } from './fixtures';
import { seedBigBatch } from './seed';

// GoodJob's own discarded batch (e2e/fixtures): callbacks, retried jobs, failed executions.
const FIXTURE_BATCH = '763b0473-5c02-4228-b2ee-f7ea084bdfaf';
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

for (const locale of ['ko', 'ja', 'ru'] as const satisfies readonly Locale[]) {
  test(`the timeline draws each job and lists them in its table; the error summary links to the failed jobs (${locale})`, async ({ page, db }) => {
    const m = messages(locale);
    const t = m.BatchTimeline!;
    await page.goto(`/${locale}/batches/${FIXTURE_BATCH}`);
    const timeline = page.getByTestId('timeline');
    await expect(timeline.getByRole('heading', { level: 2 })).toHaveText(t.title!);
    await expect(timeline).toHaveAttribute('data-mode', 'detail');
    await expect(timeline.getByRole('img')).toBeVisible();

    const { rows: jobs } = await db.query<{ id: string; executions: number; failed: number; discarded: boolean }>(
      `SELECT j.id, count(e.id)::int AS executions, count(e.error)::int AS failed, (j.finished_at IS NOT NULL AND j.error IS NOT NULL) AS discarded
       FROM good_jobs j LEFT JOIN good_job_executions e ON e.active_job_id = j.active_job_id
       WHERE j.batch_id = $1 OR j.batch_callback_id = $1 GROUP BY j.id`,
      [FIXTURE_BATCH],
    );
    const table = timeline.getByTestId('timeline-table');
    await table.getByText(t.showTable!).click();
    await expect(table.locator('tbody tr')).toHaveCount(jobs.length);
    // One bar per execution in the chart, as many as the database holds.
    await expect(timeline.locator('svg rect')).toHaveCount(jobs.reduce((n, j) => n + j.executions, 0));
    const retried = jobs.filter((j) => j.failed > 0).sort((a, b) => b.executions - a.executions)[0]!;
    const row = table.locator(`tr[data-job-id="${retried.id}"]`);
    await expect(row.locator('td').nth(3)).toHaveText(fill(t.executionsFailed!, { count: retried.executions, failed: retried.failed }));
    await expect(row.locator('td').nth(4)).toHaveText(retried.discarded ? t.job_discarded! : t.job_succeeded!);
    await expect(timeline.locator('.tl-legend').getByText(`${t.milestone_discarded}:`)).toBeVisible();

    const durations = page.getByTestId('durations');
    await expect(durations.getByRole('heading', { level: 2 })).toHaveText(m.BatchPage!.durations!);
    await expect(durations.getByRole('rowheader', { name: m.BatchPage!.runtime! })).toBeVisible();

    const summary = page.getByTestId('error-summary');
    await expect(summary.getByRole('heading', { level: 2 })).toHaveText(m.BatchPage!.errorSummary!);
    await summary.locator('tr[data-error-class="ExampleJob::DeadError"]').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/jobs\\?.*error_class=ExampleJob%3A%3ADeadError`));
    await expect(page.getByTestId('extra-filters')).toContainText(FIXTURE_BATCH);
    const listed = page.locator('[data-testid="jobs"] tbody.job');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM good_jobs WHERE batch_id = $1 AND split_part(error, ': ', 1) = 'ExampleJob::DeadError'`, [FIXTURE_BATCH]);
    await expect(listed).toHaveCount(rows[0].n);
  });
}

test('a big batch’s timeline shows density; a bucket opens the jobs performed in it (ja)', async ({ page, db }) => {
  const t = messages('ja').BatchTimeline!;
  // 400 jobs performed one a second, 2026-01-01 00:00:01 to 00:06:40, in a batch created now: long after them.
  const { batchId } = await seedBigBatch(db, 400);
  await db.query(`UPDATE good_job_batches SET created_at = timestamp '2026-01-01', finished_at = timestamp '2026-01-01 00:06:40' WHERE id = $1`, [batchId]);
  await page.goto(`/ja/batches/${batchId}`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toHaveAttribute('data-mode', 'density');
  await expect(timeline.getByText(fill(t.densityNote!, { step: '10 秒' }))).toBeVisible();
  const table = timeline.getByTestId('timeline-table');
  await table.getByText(t.showTable!).click();
  await expect(table.locator('tbody tr')).toHaveCount(40);
  // 00:00:10 – 00:00:20: jobs 10…19 were performed then.
  const bucket = table.locator('tbody tr[data-bucket="1"]');
  await expect(bucket.locator('td').nth(1)).toHaveText('10');
  const chartLink = timeline.locator('svg a[data-bucket="1"]');
  expect(await chartLink.getAttribute('href')).toBe(await bucket.getByRole('link').getAttribute('href'));
  await bucket.getByRole('link').click();
  await expect(page).toHaveURL(/performed_after=2026-01-01T00%3A00%3A10.000Z&performed_before=2026-01-01T00%3A00%3A20.000Z/);
  await expect(page.getByTestId('extra-filters')).toContainText('2026-01-01T00:00:10.000Z');
  await expect(page.locator('[data-testid="jobs"] tbody.job')).toHaveCount(10);
});

test('the batches list filters by callback class and by created-at range, bounds as stated (ru)', async ({ page, db }) => {
  const m = messages('ru').BatchesPage!;
  const mine = `E2e${Date.now()}::CallbackJob`;
  const ids = { a: randomUUID(), b: randomUUID(), c: randomUUID() };
  // A names the class on finish, B only on discard; C names another class. B and C are created exactly at the bound.
  await db.query(
    `INSERT INTO good_job_batches (id, created_at, updated_at, description, on_finish, on_success, on_discard) VALUES
     ($1, '2025-06-01 00:00:00', now(), 'filter e2e', $4, NULL, NULL),
     ($2, '2025-06-02 00:00:00', now(), 'filter e2e', NULL, NULL, $4),
     ($3, '2025-06-02 00:00:00', now(), 'filter e2e', NULL, 'Other::CallbackJob', NULL)`,
    [ids.a, ids.b, ids.c, mine],
  );
  const shown = () => page.locator('tr[data-batch-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-batch-id')).sort());
  await page.goto('/ru/batches');
  await page.getByTestId('callback-filter').selectOption(mine);
  await expect(page).toHaveURL(/callback=E2e/);
  await expect.poll(shown).toEqual([ids.a, ids.b].sort());

  await page.getByTestId('created-after').fill('2025-06-02T00:00');
  await page.getByRole('button', { name: m.apply! }).click();
  await expect(page).toHaveURL(/created_after=2025-06-02T00%3A00/);
  await expect.poll(shown).toEqual([ids.b]);
  await expect(page.getByLabel(m.createdAfter!.replace('{zone}', 'UTC'))).toHaveValue('2025-06-02T00:00');

  await page.goto(`/ru/batches?callback=${encodeURIComponent(mine)}&created_before=2025-06-02T00:00`);
  await expect.poll(shown).toEqual([ids.a]);
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM good_job_batches WHERE $1 IN (on_finish, on_success, on_discard) AND created_at < '2025-06-02'`, [mine]);
  expect(rows[0].n).toBe(1);
});
