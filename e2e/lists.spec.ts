// The lists act the way an operator expects: label pills filter, a changed select applies at once, ticking rows makes
// the bulk bar act on those rows, and an Inspect section loads its JSON however it was opened.
import { expect, messages, test } from './fixtures';
import { seedBatch } from './seed';

test('a label pill links to the jobs list filtered by that label (ja)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued']);
  const label = `pill-${Date.now()}`;
  await db.query('UPDATE good_jobs SET labels = ARRAY[$2] WHERE id = $1', [jobIds[0], label]);
  await page.goto(`/ja/batches/${batchId}`);
  await page.locator(`tbody.job[data-job-id="${jobIds[0]}"]`).getByRole('link', { name: label, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/ja/jobs\\?label=${label}$`));
  await expect(page.locator('[data-testid="jobs"] tbody.job')).toHaveCount(1);
  await expect(page.getByTestId('label-filter')).toHaveValue(label);
});

test('a filter select applies as soon as it changes; Apply is not needed (ru)', async ({ page }) => {
  // GoodJob's fixture has three jobs in the "mice" queue.
  await page.goto('/ru/jobs');
  await expect(page.locator('form[data-applies-on-change]')).toHaveCount(1);
  await page.getByTestId('queue-filter').selectOption('mice');
  await expect(page).toHaveURL(/[?&]queue=mice(&|$)/);
  await expect(page.locator('[data-testid="jobs"] td.queue')).toHaveText(['mice', 'mice', 'mice']);
});

test('ticking a row makes the bulk bar act on the ticked rows, and its button says how many (en)', async ({ page, db }) => {
  const m = messages('en');
  const { jobIds } = await seedBatch(db, ['discarded', 'discarded']);
  const queue = `tick-${Date.now()}`;
  await db.query('UPDATE good_jobs SET queue_name = $2 WHERE id = ANY($1)', [jobIds, queue]);
  await page.goto(`/en/jobs?queue=${queue}`);
  const apply = page.getByTestId('bulk-apply');
  await expect(apply).toBeDisabled();
  await page.getByTestId('bulk-scope-filter').check();
  await expect(apply).toHaveText(`${m.JobAction!.retry} 2 jobs…`);
  await page.locator(`tbody[data-job-id="${jobIds[0]}"] [data-testid="select-job"]`).check();
  await expect(page.getByRole('radio', { name: /selected job/ })).toBeChecked();
  await expect(apply).toHaveText(`${m.JobAction!.retry} 1 job…`);
  await apply.click();
  await page.getByRole('dialog').getByRole('button', { name: m.JobAction!.retry, exact: true }).click();
  await expect(page.getByTestId('action-result').locator('.toast span')).toContainText('1');
  const { rows } = await db.query('SELECT id FROM good_jobs WHERE id = ANY($1) AND finished_at IS NULL', [jobIds]);
  expect(rows.map((r) => r.id)).toEqual([jobIds[0]]);
});

test('an Inspect section opened by the browser, not a click, loads its JSON (ko)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued']);
  await page.goto(`/ko/batches/${batchId}`);
  const inspect = page.locator(`tbody.job[data-job-id="${jobIds[0]}"]`).getByTestId('inspect');
  // What find-in-page does: it opens the closed <details> without any click or key.
  await inspect.evaluate((details) => ((details as HTMLDetailsElement).open = true));
  await expect(inspect.locator('pre')).toContainText(`"job_id": "${jobIds[0]}"`);
});

test('the jobs list filters by error class (the text before the first ": ") and says so (ko)', async ({ page, db }) => {
  const { jobIds } = await seedBatch(db, ['discarded', 'discarded']);
  const cls = `Scratch${Date.now()}Error`;
  await db.query(`UPDATE good_jobs SET error = $2 || ': boom: again' WHERE id = $1`, [jobIds[0], cls]);
  await page.goto(`/ko/jobs?error_class=${cls}`);
  await expect(page.getByTestId('extra-filters')).toContainText(cls);
  await expect(page.locator('[data-testid="jobs"] tbody.job')).toHaveCount(1);
  await expect(page.locator(`tbody.job[data-job-id="${jobIds[0]}"] .error-line`)).toHaveText(`${cls}: boom: again`);
});

test('a batch’s errors are summed up by class, each linking to its jobs (ja)', async ({ page }) => {
  // GoodJob's own discarded batch: six failed executions of ExampleJob::DeadError, one ExampleJob::ExpectedError.
  const batchId = '763b0473-5c02-4228-b2ee-f7ea084bdfaf';
  await page.goto(`/ja/batches/${batchId}`);
  const summary = page.getByTestId('error-summary');
  await expect(summary.getByRole('heading', { level: 2 })).toHaveText(messages('ja').BatchPage!.errorSummary!);
  const dead = summary.locator('tr[data-error-class="ExampleJob::DeadError"]');
  await expect(dead.locator('td.num')).toHaveText('6');
  await expect(summary.locator('tbody tr').first()).toHaveAttribute('data-error-class', 'ExampleJob::DeadError');
  await dead.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`batch_id=${batchId}`));
  await expect(page.getByTestId('extra-filters')).toContainText(batchId);
  const rows = page.locator('[data-testid="jobs"] tbody.job');
  await expect(rows.first()).toBeVisible();
  for (const line of await rows.locator('.error-line').allTextContents()) expect(line.startsWith('ExampleJob::DeadError')).toBe(true);
  for (const link of await rows.locator('.batch-ref').allTextContents()) expect(link).toContain(batchId.slice(0, 8));
});
