// Discard batch through the UI: the dialog names the batch and the count, the result names what was done, and the
// rows changed as the DB tests check in detail.
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';

for (const locale of ['ko', 'ja', 'ru'] as const) {
  test(`Discard batch discards the unfinished jobs, finishes the batch and enqueues its on_finish callback (${locale})`, async ({ page, db }) => {
    const m = messages(locale);
    const { batchId, jobIds } = await seedBatch(db, ['succeeded', 'queued', 'scheduled']);
    const batchPage = new BatchPage(page, locale);
    await batchPage.open(batchId);
    await page.getByTestId('action-discard-batch').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('p')).toContainText(batchId);
    await expect(dialog.locator('p')).toContainText('2');
    await dialog.getByRole('button', { name: m.BatchActions!.discardBatch!, exact: true }).click();
    const toast = page.getByTestId('action-result').locator('.toast span');
    await expect(toast).toContainText(batchId);
    await expect(page.getByTestId('action-result').locator('.toast')).toHaveAttribute('data-outcome', 'done');
    const { rows: jobs } = await db.query('SELECT id, error_event FROM good_jobs WHERE id = ANY($1) ORDER BY created_at', [jobIds]);
    expect(Object.fromEntries(jobs.map((j) => [j.id, j.error_event]))).toEqual({ [jobIds[0]!]: null, [jobIds[1]!]: 5, [jobIds[2]!]: 5 });
    const { rows: batch } = await db.query('SELECT discarded_at, jobs_finished_at, finished_at FROM good_job_batches WHERE id = $1', [batchId]);
    expect(batch[0].discarded_at).not.toBeNull();
    expect(batch[0].jobs_finished_at).not.toBeNull();
    const { rows: callbacks } = await db.query(`SELECT job_class, serialized_params->'arguments'->1->'event'->>'value' AS event FROM good_jobs WHERE batch_callback_id = $1`, [batchId]);
    expect(callbacks).toEqual([{ job_class: 'ExampleJob::BatchJob::CallbackJob', event: 'finish' }]);
    // The page now shows a discarded batch, with its callback job, and no Discard batch any more.
    await expect(page.getByTestId('action-discard-batch')).toHaveCount(0);
    await expect(batchPage.callbackJobs.locator('tbody.job')).toHaveCount(1);
  });
}
