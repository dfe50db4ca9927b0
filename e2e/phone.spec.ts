// A phone (390 px): every row shows its job or batch, state and actions without sideways scrolling; the navigation
// takes at most two rows; the settings live in a menu. One markup for every width, so the wide layout is checked too.
import type { Locator, Page } from '@playwright/test';
import { expect, messages, test } from './fixtures';
import { seedBatch } from './seed';

const PHONE = { width: 390, height: 844 };

const insideViewport = async (page: Page, locator: Locator) => {
  const box = await locator.boundingBox();
  expect(box, 'rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
};
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test.describe('at phone width', () => {
  test.use({ viewport: PHONE });

  for (const locale of ['ko', 'ja', 'ru'] as const) {
    test(`a batch's job rows show their state badge and actions button on screen (${locale})`, async ({ page, db }) => {
      const m = messages(locale);
      const { batchId, jobIds } = await seedBatch(db, ['discarded', 'queued']);
      // A failed execution, so that the page also shows its Errors section.
      await db.query(
        `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, error, error_event, finished_at)
         VALUES (gen_random_uuid(), now() - interval '2 hours', now(), $1, 'ExampleJob', 'default', 'ExampleJob::DeadError: ExampleJob::DeadError', 4, now())`,
        [jobIds[0]],
      );
      await page.goto(`/${locale}/batches/${batchId}`);
      await expect(page.getByTestId('error-summary')).toBeVisible();
      const row = page.locator(`tbody.job[data-job-id="${jobIds[1]}"]`);
      await expect(row.getByText(m.JobStatus!.queued!, { exact: true })).toBeVisible();
      await insideViewport(page, row.locator('[data-testid^="status-"]'));
      const trigger = row.getByText(m.JobAction!.menu!, { exact: true });
      await insideViewport(page, trigger);
      // The queue sits below, after its label, still on screen.
      await insideViewport(page, row.locator('td.queue'));
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      // The button works here: it opens the row's menu, whose first action is on screen too.
      await trigger.click();
      await insideViewport(page, row.getByTestId('action-discard'));
    });
  }

  test('a discarded batch in the list shows its badge and Retry batch on screen (ru)', async ({ page, db }) => {
    const m = messages('ru');
    const { batchId } = await seedBatch(db, ['discarded', 'succeeded']);
    await page.goto(`/ru/batches?q=${batchId}`);
    const row = page.locator(`[data-batch-id="${batchId}"]`);
    await insideViewport(page, row.getByText(m.BatchState!.discarded!, { exact: true }));
    await insideViewport(page, row.getByRole('button', { name: m.BatchActions!.retryBatch! }));
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });

  test('the jobs list and the processes page do not scroll sideways, even with 400-character names (ja)', async ({ page, db }) => {
    const { jobIds } = await seedBatch(db, ['queued']);
    const queue = `q_${'W'.repeat(400)}`;
    await db.query(`UPDATE good_jobs SET queue_name = $2, job_class = $3, labels = ARRAY[$4] WHERE id = $1`, [jobIds[0], queue, `Long::${'C'.repeat(400)}`, 'L'.repeat(400)]);
    for (const path of [`/ja/jobs?queue=${queue}`, '/ja/processes']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await sidewaysScroll(page), path).toBeLessThanOrEqual(0);
    }
  });

  test('each Discard Cleaner group shows its counts and its Retry all / Destroy all on screen (ko)', async ({ page, db }) => {
    const m = messages('ko').Cleaner!;
    const { jobIds } = await seedBatch(db, ['discarded']);
    const { rows } = await db.query<{ job_class: string }>('SELECT job_class FROM good_jobs WHERE id = $1', [jobIds[0]]);
    await page.goto('/ko/cleaner');
    const row = page.getByTestId('cleaner-class').locator(`tr[data-group="${rows[0]!.job_class}"]`);
    await insideViewport(page, row.getByRole('button', { name: m.retryAll!, exact: true }));
    await insideViewport(page, row.getByRole('button', { name: m.destroyAll!, exact: true }));
    for (const column of [0, 5]) await insideViewport(page, row.locator(`td[data-column="${column}"]`));
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });

  test('the navigation takes two rows; the display settings open from a menu (ru)', async ({ page }) => {
    const m = messages('ru').Nav!;
    await page.goto('/ru/batches');
    const nav = page.getByRole('navigation', { name: m.main });
    const tops = await nav.locator('a:visible').evaluateAll((links) => [...new Set(links.map((a) => Math.round(a.getBoundingClientRect().top / 8)))]);
    expect(tops.length).toBeLessThanOrEqual(2);
    for (const name of [m.batches!, m.jobs!, m.processes!]) await insideViewport(page, nav.getByRole('link', { name, exact: true }));
    const theme = page.getByTestId('theme-switch');
    await expect(theme).toBeHidden();
    await page.getByText(m.settingsMenu!, { exact: true }).click();
    await expect(theme).toBeVisible();
    await insideViewport(page, theme);
    await theme.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('class names wrap only where the server marked a joint (ko)', async ({ page, db }) => {
    const { batchId, jobIds } = await seedBatch(db, ['succeeded']);
    await db.query(`UPDATE good_jobs SET job_class = 'ExampleJob::BatchJob::CallbackJob' WHERE id = $1`, [jobIds[0]]);
    await page.goto(`/ko/batches/${batchId}`);
    const callbackClass = page.locator(`tbody.job[data-job-id="${jobIds[0]}"] .job-class`);
    await expect(callbackClass).toHaveText('ExampleJob::BatchJob::CallbackJob');
    await expect(callbackClass.locator('wbr')).toHaveCount(2);
    expect(await callbackClass.evaluate((e) => getComputedStyle(e).overflowWrap)).toBe('break-word');
  });
});

test('on a wide screen the settings stay a row under the navigation, with no menu button (en)', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/en/batches');
  await expect(page.getByTestId('theme-switch')).toBeVisible();
  await expect(page.getByText(messages('en').Nav!.settingsMenu!, { exact: true })).toBeHidden();
});
