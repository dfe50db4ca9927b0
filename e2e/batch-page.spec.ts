import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonBlocksOf } from '../lib/testing/seed-pages';
import { expect, messages, ROOT, test, type Locale } from './fixtures';
import { BatchPage } from './pages/batch-page';

interface SeedJob {
  _good_job: { id: string; queue_name: string; priority: number; labels: string[] | null; executions_count: number; error: string | null; batch_id: string | null };
}

const SEEDS: Array<{ file: string; locale: Locale }> = [
  { file: '000_f7079b0368068418.txt', locale: 'ko' },
  { file: '001_a7bd115e0bcee717.txt', locale: 'ja' },
  { file: '002_d4832a0da618bee3.txt', locale: 'ru' },
  { file: '002_d4832a0da618bee3.txt', locale: 'en' },
];

/** The demo database has the current schema, so `_good_job` ends with lock_type (the seed pages predate it). */
const withLockType = (block: string) => block.replace(/"locked_at": (null|"[^"]*")\n  }\n}$/, '"locked_at": $1,\n    "lock_type": null\n  }\n}');

for (const { file, locale } of SEEDS) {
  test(`seed batch ${file} in ${locale}: headings, columns, rows and Inspect JSON`, async ({ page }) => {
    const [attributesBlock, ...jobBlocks] = jsonBlocksOf(readFileSync(join(ROOT, 'e2e/fixtures/seed-pages', file), 'utf8'));
    const batch = JSON.parse(attributesBlock!) as { id: string; description: string; discarded_at: string | null };
    const batchPage = new BatchPage(page, locale);
    await batchPage.open(batch.id);
    const t = (ns: string, key: string) => batchPage.t(ns, key);

    await expect(page.getByRole('heading', { level: 1 })).toContainText(batch.id);
    await expect(page.getByText(batch.description, { exact: true })).toBeVisible();
    await expect(page.getByText(t('BatchState', batch.discarded_at ? 'discarded' : 'succeeded'), { exact: true }).first()).toBeVisible();
    for (const key of ['attributes', 'callbackJobs', 'batchedJobs']) {
      await expect(page.getByRole('heading', { level: 2, name: t('BatchPage', key) })).toBeVisible();
    }
    await expect(batchPage.attributes).toHaveText(attributesBlock!);

    for (const table of [batchPage.callbackJobs, batchPage.batchedJobs]) {
      const headers = table.locator('thead th');
      for (const key of ['job', 'queue', 'priority', 'labels', 'attempts']) {
        await expect(headers.filter({ hasText: t('JobsTable', key) }).first()).toBeVisible();
      }
    }

    // Callback jobs first, then batched jobs, newest first: the seed page's order.
    const shownIds = await page.locator('tbody.job').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')));
    const seedJobs = jobBlocks.map((b) => JSON.parse(b) as SeedJob);
    expect(shownIds).toEqual(seedJobs.map((j) => j._good_job.id));

    for (const [i, seed] of seedJobs.entries()) {
      const g = seed._good_job;
      const row = batchPage.job(g.id);
      await expect(row.locator('td.queue')).toHaveText(g.queue_name);
      await expect(row.getByTestId('attempts')).toHaveText(String(g.executions_count));
      await expect(row.getByTestId('attempts')).toHaveClass(g.executions_count > 1 || (g.executions_count > 0 && g.error !== null) ? /attempts-attention/ : /^attempts$/);
      await expect(row.locator('.pill')).toHaveText(g.labels ?? []);
      const status = g.error !== null ? 'discarded' : 'succeeded';
      await expect(row.getByTestId(`status-${status}`)).toHaveText(t('JobStatus', status));
      expect(await batchPage.inspect(g.id)).toBe(withLockType(jobBlocks[i]!));
    }
  });
}

test('Inspect all opens every job without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const batchPage = new BatchPage(page, 'ja');
  await batchPage.open('d293ba0f-9b92-4871-a379-d32b0c1bd8bf');
  await page.getByRole('link', { name: messages('ja').JobsTable!.inspectAll }).first().click();
  await expect(page).toHaveURL(/inspect=all/);
  await expect(page.locator('details[data-testid="inspect"][open]')).toHaveCount(4);
  await expect(page.locator('details[data-testid="inspect"] pre').first()).toBeVisible();
  await context.close();
});

test('one job’s Inspect without JavaScript leads to the job’s page, which shows the same JSON', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const batchPage = new BatchPage(page, 'ko');
  await batchPage.open('d293ba0f-9b92-4871-a379-d32b0c1bd8bf');
  const row = page.locator('tbody.job').first();
  const jobId = await row.getAttribute('data-job-id');
  await row.getByText(messages('ko').JobsTable!.inspect!, { exact: true }).click();
  await row.getByRole('link', { name: messages('ko').Inspect!.openJob! }).click();
  await expect(page).toHaveURL(new RegExp(`/ko/jobs/${jobId}$`));
  await expect(page.locator('pre.json').last()).toContainText(`"id": "${jobId}"`);
  await context.close();
});

test('an opened Inspect is read afresh: it shows the row as it is now', async ({ page, db }) => {
  const batchPage = new BatchPage(page, 'en');
  await batchPage.open('d293ba0f-9b92-4871-a379-d32b0c1bd8bf');
  const row = page.locator('tbody.job').first();
  const jobId = (await row.getAttribute('data-job-id'))!;
  const summary = row.getByText(messages('en').JobsTable!.inspect!, { exact: true });
  await summary.click();
  await expect(row.locator('pre')).toContainText(`"id": "${jobId}"`);
  const before = (await row.locator('pre').textContent())!;
  const labels = await db.query<{ labels: string[] | null }>('SELECT labels FROM good_jobs WHERE id = $1', [jobId]);
  try {
    await db.query(`UPDATE good_jobs SET labels = ARRAY['inspected-afresh'] WHERE id = $1`, [jobId]);
    await summary.click(); // close
    await summary.click(); // open again
    await expect(row.locator('pre')).toContainText('"inspected-afresh"');
    expect(before).not.toContain('inspected-afresh');
  } finally {
    await db.query('UPDATE good_jobs SET labels = $2 WHERE id = $1', [jobId, labels.rows[0]!.labels]);
  }
});

test('job arguments, labels, errors and descriptions are shown as text, never run', async ({ page, db }) => {
  const batchId = 'e2e0c0de-0000-4000-8000-00000000a5a5';
  const jobId = 'e2e0c0de-0000-4000-8000-00000000b6b6';
  const hostile = `<img src=x onerror="window.__pwned=1">`;
  await db.query('DELETE FROM good_jobs WHERE id = $1', [jobId]);
  await db.query('DELETE FROM good_job_batches WHERE id = $1', [batchId]);
  await db.query(
    `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, enqueued_at) VALUES ($1, now(), now(), $2, $3, now())`,
    [batchId, hostile, JSON.stringify({ note: '</pre><script>window.__pwned=2</script>' })],
  );
  await db.query(
    `INSERT INTO good_jobs (id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, finished_at, error, batch_id, job_class, executions_count, labels)
     VALUES ($1, $2, 0, $3, now(), now(), now(), now(), $4, $5, 'XssJob', 1, $6)`,
    [jobId, '<b>queue</b>', JSON.stringify({ arguments: ['<script>window.__pwned=3</script>'] }), `Boom: ${hostile}`, batchId, ['<i>label</i>']],
  );
  const batchPage = new BatchPage(page, 'ru');
  await batchPage.open(batchId);
  await expect(page.getByText(hostile, { exact: true })).toBeVisible();
  await expect(batchPage.job(jobId).locator('td.queue')).toHaveText('<b>queue</b>');
  await expect(batchPage.job(jobId).locator('.pill')).toHaveText('<i>label</i>');
  const json = await batchPage.inspect(jobId);
  expect(json).toContain('<script>window.__pwned=3</script>');
  expect(json).toContain(`"error": "Boom: <img src=x onerror=\\"window.__pwned=1\\">"`);
  await expect(batchPage.attributes).toContainText('</pre><script>window.__pwned=2</script>');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await db.query('DELETE FROM good_jobs WHERE id = $1', [jobId]);
  await db.query('DELETE FROM good_job_batches WHERE id = $1', [batchId]);
});
