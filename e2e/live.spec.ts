import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedBatch } from './seed';
import { LIVE_REFRESH_MS } from '../lib/query-options';

// Live updates ask the page's JSON endpoint with the signature the page shows: an unchanged tick is a 304 with no body,
// a row changed in place is patched, and a row that enters or leaves the tab renders the page again.

function watch(page: Page) {
  const live: Response[] = [];
  const refreshes: string[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/live/')) live.push(r);
  });
  page.on('request', (r) => {
    if (r.headers()['rsc'] === '1' && !r.headers()['next-router-prefetch']) refreshes.push(r.url());
  });
  return { live, refreshes };
}

async function tickUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.clock.runFor(LIVE_REFRESH_MS);
    await check();
  }).toPass({ timeout: 20_000 });
}

test('the jobs list: unchanged ticks are 304s; a changed row is patched in place, not re-rendered (ko)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued', 'succeeded']);
  await page.clock.install();
  await page.goto(`/ko/jobs?batch_id=${batchId}`);
  const row = page.locator(`tbody.job[data-job-id="${jobIds[1]}"]`);
  await expect(row.locator('.cell-priority')).toHaveText('0');
  const { live, refreshes } = watch(page);
  await page.getByTestId('live-updates').check();

  await tickUntil(page, async () => expect(live.length).toBeGreaterThan(1));
  for (const response of live) {
    expect(response.status()).toBe(304);
    expect((await response.request().sizes()).responseBodySize).toBe(0);
  }

  // A write to the row (every dashboard write sets updated_at, and so does GoodJob's): patched in place. What counts
  // is what the page fetches from the write on (right after a load the router may still fetch the page, live or not).
  refreshes.length = 0;
  await db.query(`UPDATE good_jobs SET priority = 42, labels = ARRAY['patched'], updated_at = now() WHERE id = $1`, [jobIds[1]]);
  await tickUntil(page, async () => expect(row.locator('.cell-priority')).toHaveText('42', { timeout: 500 }));
  await expect(row.locator('.cell-labels')).toHaveText('patched');
  expect(live.some((r) => r.status() === 200)).toBe(true);
  expect(refreshes).toEqual([]);
  await page.getByTestId('live-updates').uncheck();
});

test('a row that leaves the tab renders the page again (ru)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'discarded']);
  await page.clock.install();
  await page.goto(`/ru/jobs?batch_id=${batchId}&state=discarded`);
  await expect(page.locator('tbody.job')).toHaveCount(2);
  const { refreshes } = watch(page);
  await page.getByTestId('live-updates').check();
  // Retried elsewhere (GoodJob's own dashboard, say): it is no longer discarded.
  await db.query(`UPDATE good_jobs SET finished_at = NULL, performed_at = NULL, scheduled_at = now() AT TIME ZONE 'UTC', updated_at = now() WHERE id = $1`, [jobIds[0]]);
  await tickUntil(page, async () => expect(page.locator('tbody.job')).toHaveCount(1, { timeout: 500 }));
  await expect(page.locator(`tbody.job[data-job-id="${jobIds[1]}"]`)).toBeVisible();
  expect(refreshes.length).toBeGreaterThan(0);
  await page.getByTestId('live-updates').uncheck();
});

test('a batch page: a job changed in the database is patched in its table (ja)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued', 'succeeded']);
  await page.clock.install();
  await page.goto(`/ja/batches/${batchId}`);
  const row = page.locator(`tbody.job[data-job-id="${jobIds[0]}"]`);
  await page.getByTestId('live-updates').check();
  await db.query(`UPDATE good_jobs SET queue_name = 'patched_queue', updated_at = now() WHERE id = $1`, [jobIds[0]]);
  await tickUntil(page, async () => expect(row.locator('.queue')).toHaveText('patched_queue', { timeout: 500 }));
  await page.getByTestId('live-updates').uncheck();
});
