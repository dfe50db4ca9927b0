import { expect, messages, test } from './fixtures';
import { seedBatch } from './seed';

// Without JavaScript a list's row links to the job's page, whose actions are plain forms; the answer is said on the
// page the post lands on.

test('without JavaScript: a row leads to the job page, where Retry and Destroy post and say what they did (ja)', async ({ browser, db }) => {
  const m = messages('ja');
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'succeeded']);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/ja/jobs?batch_id=${batchId}`);
  const row = page.locator(`tbody.job[data-job-id="${jobIds[0]}"]`);
  await expect(row.getByTestId('job-actions')).toHaveAttribute('href', `/ja/jobs/${jobIds[0]}`);
  await expect(page.locator('form.action-form')).toHaveCount(0); // no form per row
  await row.getByTestId('job-actions').click();
  await expect(page).toHaveURL(new RegExp(`/ja/jobs/${jobIds[0]}$`));

  await page.getByText(m.JobAction!.menu!, { exact: true }).click();
  await page.getByTestId('action-retry').click();
  await expect(page.getByTestId('posted-result')).toHaveText(m.ActionResult!.retry!.replace('{id}', jobIds[0]!));
  await expect(page).toHaveURL(new RegExp(`/ja/jobs/${jobIds[0]}$`));
  // Said once: the page reloaded says nothing more.
  await page.reload();
  await expect(page.getByTestId('posted-result')).toHaveCount(0);
  const retried = await db.query('SELECT finished_at, error_event FROM good_jobs WHERE id = $1', [jobIds[0]]);
  expect(retried.rows[0]).toEqual({ finished_at: null, error_event: 3 });

  // Destroyed: the job page is gone, so the answer lands on the jobs list.
  await page.goto(`/ja/jobs/${jobIds[1]}`);
  await page.getByText(m.JobAction!.menu!, { exact: true }).click();
  await page.getByTestId('action-destroy').click();
  await expect(page).toHaveURL(/\/ja\/jobs$/);
  await expect(page.getByTestId('posted-result')).toHaveText(m.ActionResult!.destroy!.replace('{id}', jobIds[1]!));
  expect((await db.query('SELECT 1 FROM good_jobs WHERE id = $1', [jobIds[1]])).rowCount).toBe(0);

  // A made-up result in a link says nothing: not an unknown name, not a well-formed claim about a real job.
  await page.goto(`/ja/jobs/${jobIds[0]}?done=<b>x</b>&outcome=done&job=${jobIds[0]}`);
  await expect(page.getByTestId('posted-result')).toHaveCount(0);
  await page.goto(`/ja/jobs/${jobIds[0]}?done=retry&outcome=done&job=${jobIds[0]}`);
  await expect(page.getByTestId('posted-result')).toHaveCount(0);
  await page.goto(`/ja/jobs?done=destroy&outcome=done&job=${jobIds[0]}`);
  await expect(page.getByTestId('posted-result')).toHaveCount(0);
  // Nor does a forged header naming a result.
  const forged = await context.request.get(`/ja/jobs/${jobIds[0]}`, { headers: { 'x-dashboard-posted': `retry.done.${jobIds[0]}` } });
  expect(await forged.text()).not.toContain('data-testid="posted-result"');
  await context.close();
});

test('without JavaScript: Retry batch in the batches list leads to the batch page, whose button posts (ko)', async ({ browser, db }) => {
  const { batchId } = await seedBatch(db, ['discarded']);
  await db.query(`UPDATE good_job_batches SET created_at = now() + interval '1 hour' WHERE id = $1`, [batchId]); // first in the list
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ko/batches');
  const button = page.locator(`tr[data-batch-id="${batchId}"]`).getByTestId('action-retry-batch');
  await expect(button).toHaveAttribute('href', `/ko/batches/${batchId}`);
  await button.click();
  await expect(page).toHaveURL(new RegExp(`/ko/batches/${batchId}$`));
  await page.getByTestId('action-retry-batch').click();
  await expect.poll(async () => (await db.query('SELECT discarded_at FROM good_job_batches WHERE id = $1', [batchId])).rows[0].discarded_at).toBeNull();
  await context.close();
});
