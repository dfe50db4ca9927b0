import { expect, LOCALES, messages, test } from './fixtures';

test.describe('not found', () => {
  for (const locale of ['ko', 'ja', 'ru', 'en'] as const) {
    const m = messages(locale);
    test(`malformed and unknown batch ids give a localized 404 (${locale})`, async ({ page }) => {
      for (const id of ['not-a-uuid', '2909c77c-455c-4317-95cd-074f512ab6f', "2909c77c-455c-4317-95cd-074f512ab6f1'", '00000000-0000-4000-8000-000000000000']) {
        const response = await page.goto(`/${locale}/batches/${encodeURIComponent(id)}`);
        expect(response?.status(), id).toBe(404);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.ErrorPage!.notFoundTitle!);
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
      }
    });
  }

  test('an unknown locale is a 404, in the language the browser asks for', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    for (const path of ['/fr/batches', '/xx/batches/2909c77c-455c-4317-95cd-074f512ab6f1', '/zh-TW']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages('ja').ErrorPage!.notFoundTitle!);
    }
    await context.close();
  });

  test('an unknown page under a locale is a 404', async ({ page }) => {
    const response = await page.goto('/ru/nothing/here');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages('ru').ErrorPage!.notFoundTitle!);
  });
});

test.describe('locales', () => {
  test('/ goes to the batches list in the negotiated locale', async ({ browser }) => {
    for (const [accept, locale] of [['ko-KR', 'ko'], ['ru', 'ru'], ['de-DE', 'en']] as const) {
      const context = await browser.newContext({ locale: accept });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`/${locale}/batches$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages(locale).BatchesPage!.title!);
      await context.close();
    }
  });

  test('?locale= opens the same page in that locale; an unsupported value is ignored', async ({ page }) => {
    await page.goto('/ko/batches/2909c77c-455c-4317-95cd-074f512ab6f1?locale=ja');
    await expect(page).toHaveURL(/\/ja\/batches\/2909c77c-455c-4317-95cd-074f512ab6f1$/);
    await expect(page.getByRole('heading', { level: 2, name: messages('ja').BatchPage!.attributes })).toBeVisible();
    const response = await page.goto('/ru/batches?locale=zz');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/ru\/batches$/);
  });

  test('the language links keep the current page', async ({ page }) => {
    await page.goto('/en/batches/fc281a94-8e4b-424f-aa61-86789089d698');
    await page.getByRole('link', { name: '日本語' }).click();
    await expect(page).toHaveURL(/\/ja\/batches\/fc281a94-8e4b-424f-aa61-86789089d698$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  });
});

/** The six batches of goodjob-real-inserts.sql (written by GoodJob v4.19.2 itself). */
const FIXTURE_BATCHES = [
  '719e79b5-1b93-47ed-9679-94015b4440c0', 'c5b15a02-8743-4438-971c-d7f1d14b56b3', 'd28be5a1-8189-45e0-9399-fa24b788ffde',
  '01ecfd63-f893-4432-abe6-9c3843fbf241', '763b0473-5c02-4228-b2ee-f7ea084bdfaf', 'b11bdefc-eccb-471b-bd56-0a30b894e9bd',
];

test.describe("GoodJob's own fixture data", () => {
  test('the batches list links to every batch, newest first', async ({ page, db }) => {
    // The first page: other specs add batches, so there may be more than one page of them.
    const { rows } = await db.query<{ id: string }>('SELECT id FROM good_job_batches ORDER BY created_at DESC, id DESC LIMIT 50');
    await page.goto('/ko/batches');
    const shown = await page.locator('[data-batch-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-batch-id')));
    expect(shown).toEqual(rows.map((r) => r.id));
    await page.getByRole('link', { name: new RegExp(rows[0]!.id) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(rows[0]!.id);
  });

  test('every fixture batch opens in all four locales with its jobs and states', async ({ page, db }) => {
    const batches = FIXTURE_BATCHES.map((id) => ({ id }));
    const { rowCount } = await db.query('SELECT 1 FROM good_job_batches WHERE id = ANY($1)', [FIXTURE_BATCHES]);
    expect(rowCount).toBe(6);
    for (const { id } of batches) {
      const { rows: jobs } = await db.query<{ id: string; batch_id: string | null }>(
        'SELECT id, batch_id FROM good_jobs WHERE batch_id = $1 OR batch_callback_id = $1',
        [id],
      );
      for (const locale of LOCALES) {
        const m = messages(locale);
        const response = await page.goto(`/${locale}/batches/${id}`);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(id);
        await expect(page.getByRole('heading', { level: 2, name: m.BatchPage!.batchedJobs })).toBeVisible();
        await expect(page.locator('tbody.job')).toHaveCount(jobs.length);
        for (const job of jobs) {
          const table = job.batch_id === id ? 'batched-jobs' : 'callback-jobs';
          await expect(page.getByTestId(table).locator(`tbody[data-job-id="${job.id}"]`)).toHaveCount(1);
        }
        // Every status badge is in the page's language.
        const statusTexts = await page.locator('[data-testid^="status-"]').allTextContents();
        expect(statusTexts.every((s) => Object.values(m.JobStatus!).includes(s))).toBe(true);
      }
    }
  });

  test('a running job and a scheduled job show their state', async ({ page, db }) => {
    const { rows } = await db.query<{ batch_id: string }>(
      `SELECT batch_id FROM good_jobs WHERE batch_id = ANY($1) AND finished_at IS NULL AND scheduled_at > now() AT TIME ZONE 'utc' LIMIT 1`,
      [FIXTURE_BATCHES],
    );
    await page.goto(`/ru/batches/${rows[0]!.batch_id}`);
    await expect(page.getByTestId('status-scheduled').first()).toHaveText(messages('ru').JobStatus!.scheduled!);
    await expect(page.getByTestId('batch-state-inProgress')).toHaveText(messages('ru').BatchState!.inProgress!);
  });
});
