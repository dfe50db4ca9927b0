// What a reader of each language sees beyond the words: their own glyph shapes, Korean kept whole, and no raw column or
// enum names on the job page.
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';

test('Japanese and Korean pages draw Han characters with their own faces; Korean breaks between words', async ({ page }) => {
  await page.goto('/ja/batches');
  const family = () => page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).fontFamily);
  expect(await family()).toMatch(/^"?Noto Sans CJK JP"?,/);
  await page.goto('/ko/batches');
  expect(await family()).toMatch(/^"?Noto Sans CJK KR"?,/);
  expect(await page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).wordBreak)).toBe('keep-all');
  await page.goto('/ru/batches');
  expect(await family()).toMatch(/^system-ui,/);
});

test("the job page names its times and its executions' outcomes in the reader's language (ru)", async ({ page }) => {
  const m = messages('ru');
  // GoodJob's own discarded job: its last execution ended with retry_stopped, earlier ones with retried.
  await page.goto('/ru/jobs/d2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba');
  const facts = page.getByTestId('job-facts');
  for (const key of ['createdAt', 'scheduledAt', 'performedAt', 'finishedAt']) await expect(facts).toContainText(m.JobPage![key]!);
  await expect(facts).not.toContainText('_at');
  const events = page.getByTestId('error-event');
  await expect(events.first()).toHaveText(m.ErrorEvent!.retry_stopped!);
  await expect(page.locator('[data-testid="error-event"][data-value="retried"]').first()).toHaveText(m.ErrorEvent!.retried!);
  await expect(page.getByTestId('executions')).not.toContainText('retry_stopped');
});

test('the Russian discard dialog says "back" and "discard" with two different words', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued']);
  const batchPage = new BatchPage(page, 'ru');
  await batchPage.open(batchId);
  const row = batchPage.job(jobIds[0]!);
  await row.getByText(batchPage.t('JobAction', 'menu'), { exact: true }).click();
  await row.getByTestId('action-discard').click();
  const buttons = page.getByRole('dialog').getByRole('button');
  await expect(buttons).toHaveText(['Назад', 'Отменить задание']);
  await buttons.first().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const { rows } = await db.query('SELECT finished_at FROM good_jobs WHERE id = $1', [jobIds[0]]);
  expect(rows[0].finished_at).toBeNull();
});

test("a discarded batch's bar shows how its jobs finished, on its page and in the list (ru)", async ({ page, db }) => {
  const m = messages('ru');
  const { batchId } = await seedBatch(db, ['discarded', 'succeeded', 'queued']);
  const kinds = (bar: import('@playwright/test').Locator) => bar.locator('.seg').evaluateAll((s) => s.map((e) => `${e.className.replace('seg seg-', '')}:${e.getAttribute('data-count')}`));
  await page.goto(`/ru/batches/${batchId}`);
  const bar = page.getByRole('img', { name: new RegExp(`^${m.BatchPage!.progressLabel}: успешно: 1, отменено: 1, выполняется: 0, ожидает: 1$`) });
  expect(await kinds(bar)).toEqual(['succeeded:1', 'discarded:1', 'waiting:1']);
  await page.goto(`/ru/batches?q=${batchId}`);
  const listBar = page.locator(`[data-batch-id="${batchId}"]`).getByTestId('progress');
  await expect(listBar).toHaveAccessibleName(`${m.BatchesTable!.progress}: успешно: 1, отменено: 1, не завершено: 1`);
  expect(await kinds(listBar)).toEqual(['succeeded:1', 'discarded:1', 'waiting:1']);
});
