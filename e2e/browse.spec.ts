import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch, seedBigBatch } from './seed';
import { LIVE_REFRESH_MS } from '../lib/query-options';

const shownJobIds = (page: Page) => page.locator('[data-testid="batched-jobs"] tbody.job').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')));

test('pages forward and back through more batched jobs than a page holds (ko)', async ({ page, db }) => {
  const { batchId, newestFirst } = await seedBigBatch(db, 120);
  const batchPage = new BatchPage(page, 'ko');
  const m = messages('ko').Pager!;
  await batchPage.open(batchId);
  expect(await shownJobIds(page)).toEqual(newestFirst.slice(0, 50));
  await expect(page.locator('a[rel="prev"]')).toHaveCount(0);

  await page.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(/after=/);
  await expect.poll(() => shownJobIds(page)).toEqual(newestFirst.slice(50, 100));
  await page.getByRole('link', { name: new RegExp(m.next!) }).click();
  await expect.poll(() => shownJobIds(page)).toEqual(newestFirst.slice(100));
  await expect(page.locator('a[rel="next"]')).toHaveCount(0);

  await page.locator('a[rel="prev"]').click();
  await expect(page).toHaveURL(/before=/);
  await expect.poll(() => shownJobIds(page)).toEqual(newestFirst.slice(50, 100));
  await page.goBack();
  await expect.poll(() => shownJobIds(page)).toEqual(newestFirst.slice(100));
  await page.goBack();
  await page.goBack();
  await expect.poll(() => shownJobIds(page)).toEqual(newestFirst.slice(0, 50));
  // The batch counts all of its jobs, not just a page of them.
  await expect(page.getByTestId('state-tabs').locator('[data-state="all"] .tab-count')).toHaveText('120');
});

test('a state tab shows only the jobs in that state, with its count, in the URL (ja)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'succeeded', 'queued', 'discarded']);
  const batchPage = new BatchPage(page, 'ja');
  await batchPage.open(batchId);
  const tab = page.getByTestId('state-tabs').locator('[data-state="discarded"]');
  await expect(tab).toContainText(messages('ja').JobStatus!.discarded!);
  await expect(tab.locator('.tab-count')).toHaveText('2');
  await tab.click();
  await expect(page).toHaveURL(/state=discarded/);
  await expect(tab).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => shownJobIds(page)).toEqual([jobIds[0], jobIds[3]]);
  await page.getByTestId('state-tabs').locator('[data-state="running"]').click();
  await expect(page.getByText(messages('ja').BatchPage!.noJobsInState!)).toBeVisible();
});

test('the batches list filters by state and searches by description and id (ru)', async ({ page, db }) => {
  const marker = `poisk-${Date.now()}`;
  const { batchId } = await seedBatch(db, ['discarded']);
  await db.query('UPDATE good_job_batches SET description = $2 WHERE id = $1', [batchId, `Пакет ${marker}`]);
  const m = messages('ru');
  await page.goto('/ru/batches');
  await page.getByTestId('state-filter').selectOption('discarded');
  await page.getByRole('button', { name: m.BatchesPage!.apply }).click();
  await expect(page).toHaveURL(/state=discarded/);
  const badges = page.locator('[data-testid="batches"] [data-testid^="batch-state-"]');
  await expect(badges.first()).toBeVisible();
  expect(new Set(await badges.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))))).toEqual(new Set(['batch-state-discarded']));

  await page.getByTestId('search').fill(marker);
  await page.getByRole('button', { name: m.BatchesPage!.apply }).click();
  await expect(page.locator('[data-batch-id]')).toHaveCount(1);
  await expect(page.locator(`[data-batch-id="${batchId}"]`)).toBeVisible();
  await expect(page.getByTestId('batches-count')).toHaveText('1 пакет');

  await page.goto(`/ru/batches?q=${batchId.slice(0, 13)}`);
  await expect(page.locator(`[data-batch-id="${batchId}"]`)).toBeVisible();
  await page.goto('/ru/batches?q=nothing-matches-this-text');
  await expect(page.getByText(m.BatchesPage!.noMatch!)).toBeVisible();
});

test('the language switch keeps the page and its filters', async ({ page }) => {
  await page.goto('/ru/batches?state=discarded&q=Example');
  await page.getByRole('link', { name: '日本語' }).click();
  await expect(page).toHaveURL(/\/ja\/batches\?state=discarded&q=Example$/);
  await expect(page.getByTestId('state-filter')).toHaveValue('discarded');
  await expect(page.getByTestId('search')).toHaveValue('Example');
});

test('the theme survives a reload, with no flash of the other theme (ko)', async ({ page }) => {
  await page.goto('/ko/batches');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  await page.getByTestId('theme-switch').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe('rgb(18, 21, 28)');
  // The server renders the remembered theme into the HTML itself: the first paint is already dark.
  const response = await page.reload();
  expect(await response!.text()).toContain('data-theme="dark"');
  expect(await background()).toBe('rgb(18, 21, 28)');
  await page.getByTestId('theme-switch').selectOption('light');
  await page.reload();
  expect(await background()).toBe('rgb(246, 247, 249)');
});

test('live updates show a change made in the database only while they are on (ja)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued']);
  // The page's timers run on Playwright's clock: "no refresh while off" is checked by fast-forwarding, not by waiting.
  await page.clock.install();
  const batchPage = new BatchPage(page, 'ja');
  await batchPage.open(batchId);
  const row = batchPage.job(jobIds[0]!);
  await expect(row.getByTestId('status-queued')).toBeVisible();
  await expect(page.getByTestId('live-updates')).not.toBeChecked();

  await db.query(`UPDATE good_jobs SET performed_at = now() AT TIME ZONE 'UTC' WHERE id = $1`, [jobIds[0]]);
  const refreshes: string[] = [];
  page.on('request', (r) => {
    // A refresh, not the prefetch of a link that came into view (the navigation's counts stream in after the page).
    if (r.headers()['rsc'] === '1' && !r.headers()['next-router-prefetch']) refreshes.push(r.url());
  });
  // Off: several refresh periods pass and the page asks the server for nothing.
  await page.clock.runFor(4 * LIVE_REFRESH_MS);
  await expect(row.getByTestId('status-queued')).toBeVisible();
  expect(refreshes).toEqual([]);

  await page.getByTestId('live-updates').check();
  await expect(async () => {
    await page.clock.runFor(LIVE_REFRESH_MS);
    await expect(row.getByTestId('status-running')).toHaveText(messages('ja').JobStatus!.running!, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId('live-updates')).toBeChecked();
  await page.getByTestId('live-updates').uncheck();
});

test('the time zone switch changes the times shown (ru)', async ({ browser, db }) => {
  const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const { batchId } = await seedBatch(db, ['succeeded']);
  await db.query(`UPDATE good_job_batches SET created_at = '2026-03-06 20:06:07.5' WHERE id = $1`, [batchId]);
  await page.goto(`/ru/batches/${batchId}`);
  const created = page.locator('[data-time="created_at"] [data-testid="exact-time"]');
  await expect(created).toHaveText('2026-03-06 20:06:07 UTC');
  await page.getByTestId('time-zone-switch').selectOption('local');
  await expect(created).toHaveText('2026-03-07 05:06:07 Asia/Tokyo');
  await page.reload();
  await expect(created).toHaveText('2026-03-07 05:06:07 Asia/Tokyo');
  // The Inspect JSON stays exactly as GoodJob prints it, in UTC.
  await expect(page.getByTestId('attributes')).toContainText('"created_at": "2026-03-06 20:06:07 UTC"');
  await page.getByTestId('time-zone-switch').selectOption('utc');
  await expect(created).toHaveText('2026-03-06 20:06:07 UTC');
  await context.close();
});

test.describe('accessibility (axe): no serious or critical violations', () => {
  // Every page in every locale in the light theme; the dark theme's colours are the same in every locale. One test per
  // page, so that a slow machine meets each test's limit.
  const runs = [...(['ko', 'ja', 'ru', 'en'] as const).map((locale) => [locale, 'light'] as const), ['ru', 'dark'] as const];
  const pages = (locale: string, batchId: string) => ({
    batches: `/${locale}/batches`,
    batch: `/${locale}/batches/${batchId}`,
    'batch, Inspect all': `/${locale}/batches/${batchId}?inspect=all`,
    'unknown batch': `/${locale}/batches/not-a-batch`,
    jobs: `/${locale}/jobs`,
    'discarded jobs': `/${locale}/jobs?state=discarded`,
    job: `/${locale}/jobs/d2a4ff36-3886-44d7-ad8e-8ef7e77ca4ba`,
    processes: `/${locale}/processes`,
  });
  for (const [locale, theme] of runs) {
    test.describe(`${locale}, ${theme} theme`, () => {
      let batchId = '';
      test.beforeAll(async ({ db }) => {
        ({ batchId } = await seedBatch(db, ['discarded', 'succeeded', 'queued']));
      });
      for (const name of Object.keys(pages(locale, ''))) {
        test(name, async ({ page, context }) => {
          await context.addCookies([{ name: 'gjd-theme', value: theme, url: 'http://127.0.0.1' }]);
          const path = pages(locale, batchId)[name as keyof ReturnType<typeof pages>];
          await page.goto(path);
          const results = await new AxeBuilder({ page }).analyze();
          const serious = results.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
          expect(serious, path).toEqual([]);
        });
      }
    });
  }
});
