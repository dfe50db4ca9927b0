// Long actions in steps through the UI: Discard batch on a batch whose callback class GoodJob never enqueued before,
// progress with Stop and Continue, a batch lock busy at the end, a bulk discard of 2,000 filtered jobs from one
// confirmation, and the same without JavaScript. Each checks what the page says and what the database holds.
import type pg from 'pg';
import { expect, messages, test, type Locale } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedLabelledBatch } from './seed';

const counts = async (db: pg.Pool, batchId: string) =>
  (await db.query<{ open: number; discarded: number }>(`SELECT count(*) FILTER (WHERE finished_at IS NULL)::int AS open, count(*) FILTER (WHERE error_event = 5)::int AS discarded FROM good_jobs WHERE batch_id = $1`, [batchId])).rows[0]!;
const batchTimes = async (db: pg.Pool, batchId: string) =>
  (await db.query('SELECT discarded_at, jobs_finished_at, finished_at FROM good_job_batches WHERE id = $1', [batchId])).rows[0] as Record<string, string | null>;
const callbackRows = async (db: pg.Pool, batchId: string) =>
  (await db.query(`SELECT job_class, queue_name, priority, labels, concurrency_key, executions_count, batch_id, serialized_params->'arguments'->1->'event'->>'value' AS event FROM good_jobs WHERE batch_callback_id = $1 ORDER BY created_at`, [batchId])).rows;

const toast = (page: import('@playwright/test').Page) => page.getByTestId('action-result').locator('.toast');

async function discardBatch(page: import('@playwright/test').Page, locale: Locale) {
  await page.getByTestId('action-discard-batch').click();
  await page.getByRole('dialog').getByRole('button', { name: messages(locale).BatchActions!.discardBatch!, exact: true }).click();
}

for (const locale of ['ko', 'ja', 'ru'] as const) {
  test(`Discard batch on labelled jobs with a callback class never enqueued before writes its callbacks as GoodJob would (${locale})`, async ({ page, db }) => {
    const { batchId } = await seedLabelledBatch(db, 3, { onDiscard: 'E2eFreshCallbackJob', onFinish: 'E2eFreshCallbackJob' });
    await new BatchPage(page, locale).open(batchId);
    await discardBatch(page, locale);
    await expect(toast(page)).toHaveAttribute('data-outcome', 'done');
    await expect(toast(page).locator('span')).toContainText(batchId);
    await expect(toast(page).locator('span')).toContainText('on_discard, on_finish');
    expect(await counts(db, batchId)).toEqual({ open: 0, discarded: 3 });
    const batch = await batchTimes(db, batchId);
    expect(batch.discarded_at).not.toBeNull();
    expect(batch.jobs_finished_at).not.toBeNull();
    // The class's queue as GOOD_JOB_CALLBACK_QUEUES names it; nothing of the batched jobs' queue, labels or key.
    const fresh = { job_class: 'E2eFreshCallbackJob', queue_name: 'batch_callbacks', priority: 0, labels: null, concurrency_key: null, executions_count: null, batch_id: null };
    expect(await callbackRows(db, batchId)).toEqual([{ ...fresh, event: 'discard' }, { ...fresh, event: 'finish' }]);
    await expect(page.getByTestId('action-discard-batch')).toHaveCount(0);
  });
}

test('Discard batch refuses a callback class whose queue nobody knows, naming the setting, and changes nothing (ru)', async ({ page, db }) => {
  const { batchId } = await seedLabelledBatch(db, 2, { onFinish: 'NeverSeenCallbackJob' });
  const before = await batchTimes(db, batchId);
  await new BatchPage(page, 'ru').open(batchId);
  await discardBatch(page, 'ru');
  await expect(toast(page)).toHaveAttribute('data-outcome', 'wrong_state');
  await expect(toast(page).locator('span')).toContainText(messages('ru').ActionResult!.nothingChangedShort!);
  await expect(toast(page).locator('span')).toContainText('GOOD_JOB_CALLBACK_QUEUES');
  await expect(toast(page).locator('span')).toContainText('NeverSeenCallbackJob');
  expect(await counts(db, batchId)).toEqual({ open: 2, discarded: 0 });
  expect(await batchTimes(db, batchId)).toEqual(before);
  expect(await callbackRows(db, batchId)).toEqual([]);
});

test('Discard batch shows its progress, stops after the step under way, and Continue finishes it (ja)', async ({ page, db }) => {
  const { batchId } = await seedLabelledBatch(db, 1200, { onFinish: 'E2eFreshCallbackJob' });
  const m = messages('ja');
  await new BatchPage(page, 'ja').open(batchId);
  // Hold the second step's request until Stop has been pressed, so that Stop lands while a step is under way.
  let steps = 0;
  let release: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/ja/batches/${batchId}`, async (route) => {
    if (route.request().method() === 'POST' && route.request().headers()['next-action']) {
      steps += 1;
      if (steps === 2) await stopped;
    }
    await route.continue();
  });
  await discardBatch(page, 'ja');
  const panel = page.getByTestId('run-progress');
  await expect(panel.getByTestId('run-count')).toHaveText('1,200 件中 500 件');
  await expect(panel.locator('progress')).toHaveAttribute('value', '500');
  await panel.getByTestId('run-stop').click();
  await expect(panel).toContainText(m.Run!.stopping!);
  release();
  await expect(panel).toHaveAttribute('data-phase', 'stopped');
  await expect(toast(page)).toHaveAttribute('data-outcome', 'partial');
  await expect(toast(page).locator('span')).toContainText('1,000 件');
  expect(steps).toBe(2);
  expect(await counts(db, batchId)).toEqual({ open: 200, discarded: 1000 });
  expect((await batchTimes(db, batchId)).discarded_at).toBeNull();

  await panel.getByTestId('run-continue').click();
  await expect(toast(page)).toHaveAttribute('data-outcome', 'done');
  await expect(toast(page).locator('span')).toContainText(batchId);
  expect(await counts(db, batchId)).toEqual({ open: 0, discarded: 1200 });
  const batch = await batchTimes(db, batchId);
  expect(batch.discarded_at).not.toBeNull();
  expect((await callbackRows(db, batchId)).map((r) => r.event)).toEqual(['finish']);
});

test('the batch lock busy at the end: the page says what was done and that the next try finishes it, and it does (ko)', async ({ page, db }) => {
  const { batchId } = await seedLabelledBatch(db, 2, { onDiscard: 'E2eFreshCallbackJob' });
  const worker = await db.connect();
  try {
    // A GoodJob worker finishing one of the batch's jobs holds the batch's advisory lock.
    await worker.query(`SELECT pg_advisory_lock(('x' || substr(md5('good_job_batches-' || $1::text), 1, 16))::bit(64)::bigint)`, [batchId]);
    await new BatchPage(page, 'ko').open(batchId);
    await discardBatch(page, 'ko');
    await expect(toast(page)).toHaveAttribute('data-outcome', 'partial');
    await expect(toast(page).locator('span')).toContainText('작업 2개를 폐기했습니다');
    await expect(toast(page).locator('span')).toContainText(messages('ko').BatchActions!.discardBatch!);
    await expect(page.getByTestId('run-progress')).toHaveAttribute('data-phase', 'stopped');
    expect(await counts(db, batchId)).toEqual({ open: 0, discarded: 2 });
    expect((await batchTimes(db, batchId)).discarded_at).toBeNull();
  } finally {
    await worker.query(`SELECT pg_advisory_unlock_all()`);
    worker.release();
  }
  await page.getByTestId('run-progress').getByTestId('run-continue').click();
  await expect(toast(page)).toHaveAttribute('data-outcome', 'done');
  const batch = await batchTimes(db, batchId);
  expect(batch.discarded_at).not.toBeNull();
  expect(batch.finished_at).toBeNull();
  expect((await callbackRows(db, batchId)).map((r) => r.event)).toEqual(['discard']);
});

test('a bulk discard of 2,000 filtered jobs runs to the end from one confirmation (ru)', async ({ page, db }) => {
  const { batchId, queue } = await seedLabelledBatch(db, 2000);
  const m = messages('ru');
  await page.goto(`/ru/jobs?state=queued&queue=${queue}`);
  await page.getByTestId('bulk-scope-filter').check();
  await page.getByTestId('bulk-action').selectOption('discard');
  await page.getByTestId('bulk-apply').click();
  await page.getByRole('dialog').getByRole('button', { name: m.JobAction!.discard!, exact: true }).click();
  await expect(toast(page)).toHaveAttribute('data-outcome', 'done', { timeout: 30_000 });
  await expect(toast(page).locator('span')).toHaveText(/выполнено для 2\s000 заданий/);
  expect(await counts(db, batchId)).toEqual({ open: 0, discarded: 2000 });
  await expect(page.getByText(m.JobsPage!.empty!)).toBeVisible();
});

test('without JavaScript each post is one step, and its page offers Continue for the next (ru)', async ({ browser, db }) => {
  const { batchId } = await seedLabelledBatch(db, 600, { onFinish: 'E2eFreshCallbackJob' });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/ru/batches/${batchId}`);
  await page.getByTestId('action-discard-batch').click();
  const said = page.getByTestId('posted-result');
  await expect(said).toContainText(batchId);
  await expect(said).toContainText('500 из 600');
  expect(await counts(db, batchId)).toEqual({ open: 100, discarded: 500 });
  await page.getByTestId('run-continue-posted').click();
  await expect(page.getByTestId('posted-result')).toHaveAttribute('data-outcome', 'done');
  await expect(page.getByTestId('run-continue-posted')).toHaveCount(0);
  expect(await counts(db, batchId)).toEqual({ open: 0, discarded: 600 });
  expect((await batchTimes(db, batchId)).discarded_at).not.toBeNull();
  await context.close();
});
