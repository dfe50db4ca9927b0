// Cron and Pauses, acted on through the UI in ko/ja/ru, each checked in GoodJob's settings rows and jobs afterwards.
import type { Page } from '@playwright/test';
import { expect, messages, test } from './fixtures';
import { seedBatch } from './seed';

const KEY = 'anchor_cron_success';

/** Clicks an action's button, answers its confirmation with the same words, and returns the announced result. */
async function actAndConfirm(page: Page, scope: ReturnType<Page['locator']>, testId: string, label: string) {
  await scope.getByTestId(testId).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const toast = page.getByTestId('action-result').locator('.toast span');
  await expect(toast).not.toBeEmpty();
  return toast;
}

const setting = async (db: import('pg').Pool, key: string) => (await db.query('SELECT value FROM good_job_settings WHERE key = $1', [key])).rows[0]?.value;

for (const locale of ['ko', 'ja', 'ru'] as const) {
  test(`Disable and Enable a cron key write both of GoodJob’s lists (${locale})`, async ({ page, db }) => {
    const m = messages(locale).Cron!;
    await db.query(`DELETE FROM good_job_settings WHERE key IN ('cron_keys_enabled', 'cron_keys_disabled')`);
    await page.goto(`/${locale}/cron`);
    const row = page.locator(`tr[data-cron-key="${KEY}"]`);
    await expect(row.getByTestId('cron-default')).toHaveText(m.enabledByDefault!);
    const disabled = await actAndConfirm(page, row, 'cron-disable', m.disable!);
    await expect(disabled).toContainText(KEY);
    await expect(row.getByTestId('cron-disabled')).toHaveText(m.disabled!);
    expect(await setting(db, 'cron_keys_disabled')).toEqual([KEY]);
    expect(await setting(db, 'cron_keys_enabled')).toBeUndefined();
    await actAndConfirm(page, row, 'cron-enable', m.enable!);
    await expect(row.getByTestId('cron-enabled')).toHaveText(m.enabled!);
    expect(await setting(db, 'cron_keys_enabled')).toEqual([KEY]);
    expect(await setting(db, 'cron_keys_disabled')).toEqual([]);
  });
}

for (const locale of ['ja', 'ko', 'ru'] as const) {
  test(`Run now enqueues a new job repeating the last run, and the key’s page lists it (${locale})`, async ({ page, db }) => {
    const m = messages(locale);
    const { rows: before } = await db.query(`SELECT id, serialized_params FROM good_jobs WHERE cron_key = $1 ORDER BY cron_at DESC NULLS LAST LIMIT 1`, [KEY]);
    await page.goto(`/${locale}/cron/${KEY}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(KEY);
    const dialogQuestion = page.getByRole('dialog').locator('p');
    await page.getByTestId('cron-run-now').first().click();
    await expect(dialogQuestion).toContainText('ExampleJob');
    await page.getByRole('dialog').getByRole('button', { name: m.Cron!.runNow!, exact: true }).click();
    const toast = page.getByTestId('action-result').locator('.toast span');
    await expect(toast).toContainText(KEY);
    const { rows } = await db.query(`SELECT id, cron_at, created_at, serialized_params, performed_at FROM good_jobs WHERE cron_key = $1 ORDER BY cron_at DESC NULLS LAST LIMIT 1`, [KEY]);
    const job = rows[0];
    expect(job.id).not.toBe(before[0].id);
    await expect(toast).toContainText(job.id);
    expect(job.cron_at).toBe(job.created_at);
    expect(job.performed_at).toBeNull();
    expect(job.serialized_params.arguments).toEqual(before[0].serialized_params.arguments);
    expect(job.serialized_params.job_id).toBe(job.id);
    await page.reload();
    await expect(page.locator(`tbody.job[data-job-id="${job.id}"]`)).toBeVisible();
  });
}

test('an unknown or malformed cron key is a 404 in the page’s language, also one that needs encoding (ru)', async ({ page }) => {
  const m = messages('ru').ErrorPage!;
  for (const path of ['/ru/cron/no_such_key', `/ru/cron/${encodeURIComponent('нет/такого ключа?')}`, '/ru/cron/%E0%A4%A']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.notFoundTitle!);
  }
});

for (const locale of ['ru', 'ko', 'ja'] as const) {
  test(`Pause a label and Resume it, as GoodJob’s Setting leaves the JSON (${locale})`, async ({ page, db }) => {
    const m = messages(locale).Pauses!;
    const label = `frozen-${locale}-${Date.now()}`;
    await page.goto(`/${locale}/pauses`);
    await expect(page.getByTestId('pauses-mode')).toHaveText(m.modeUnknown!);
    await page.getByTestId('pause-kind').selectOption('label');
    await page.getByTestId('pause-value').fill(label);
    await page.getByTestId('pause-submit').click();
    await expect(page.getByTestId('action-result').locator('.toast span')).toContainText(label);
    const entry = page.getByTestId('paused-label').locator(`li[data-paused-value="${label}"]`);
    await expect(entry).toBeVisible();
    const paused = await setting(db, 'pauses');
    expect(paused.labels).toContain(label);
    expect(paused.queues).toContain('backlog');
    expect(Object.keys(paused).sort()).toEqual(['job_classes', 'labels', 'queues']);
    await actAndConfirm(page, entry, 'pause-resume', m.resume!);
    await expect(entry).toHaveCount(0);
    const resumed = await setting(db, 'pauses');
    expect(resumed.labels).not.toContain(label);
    expect(resumed.queues).toContain('backlog');
  });
}

test('a waiting job of a paused queue carries the Paused marker, the paused filter finds it, and it can still be discarded (ko)', async ({ page, db }) => {
  const m = messages('ko');
  const queue = `paused-q-${Date.now()}`;
  const { batchId, jobIds } = await seedBatch(db, ['queued']);
  await db.query('UPDATE good_jobs SET queue_name = $2 WHERE id = $1', [jobIds[0], queue]);
  await db.query(`UPDATE good_job_settings SET value = jsonb_set(value, '{queues}', (value->'queues') || to_jsonb($1::text)) WHERE key = 'pauses'`, [queue]);
  try {
    await page.goto(`/ko/batches/${batchId}`);
    const row = page.locator(`tbody.job[data-job-id="${jobIds[0]}"]`);
    await expect(row.getByTestId('paused')).toHaveText(m.Pauses!.markerIfEnabled!);
    await expect(row.getByTestId('status-queued')).toBeVisible();
    await page.goto(`/ko/jobs?paused=1&queue=${queue}`);
    await expect(page.getByTestId('paused-filter')).toBeChecked();
    await expect(page.locator('[data-testid="jobs"] tbody.job')).toHaveCount(1);
    const listed = page.locator(`tbody.job[data-job-id="${jobIds[0]}"]`);
    await listed.getByText(m.JobAction!.menu!, { exact: true }).click();
    await listed.getByTestId('action-discard').click();
    await page.getByRole('dialog').getByRole('button', { name: m.JobAction!.discard!, exact: true }).click();
    await expect(page.getByTestId('action-result').locator('.toast span')).toContainText(jobIds[0]!);
    const { rows } = await db.query('SELECT error_event FROM good_jobs WHERE id = $1', [jobIds[0]]);
    expect(rows[0].error_event).toBe(5);
    // Finished jobs are not held back by a pause: no marker, and the paused filter no longer lists it.
    await page.goto(`/ko/jobs?paused=1&queue=${queue}`);
    await expect(page.locator('[data-testid="jobs"] tbody.job')).toHaveCount(0);
  } finally {
    await db.query(`UPDATE good_job_settings SET value = jsonb_set(value, '{queues}', (value->'queues') - $1::text) WHERE key = 'pauses'`, [queue]);
  }
});

test('a cron key with spaces, slashes and Cyrillic has its own page, reached from the list (ru)', async ({ page, db }) => {
  const key = `отчёт/ежедневный ${Date.now()}?%`;
  const { jobIds } = await seedBatch(db, ['succeeded']);
  await db.query(`UPDATE good_jobs SET cron_key = $2, cron_at = now() AT TIME ZONE 'UTC', batch_id = NULL WHERE id = $1`, [jobIds[0], key]);
  await page.goto('/ru/cron');
  await page.locator(`tr[data-cron-key="${key}"]`).getByRole('link', { name: key }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(key);
  await expect(page.locator(`tbody.job[data-job-id="${jobIds[0]}"]`)).toBeVisible();
});

test('the navigation shows GoodJob’s counts once they stream in, processes in red at zero (en)', async ({ page }) => {
  await page.goto('/en/batches');
  const nav = page.getByRole('navigation', { name: messages('en').Nav!.main });
  for (const path of ['/en/batches', '/en/jobs', '/en/jobs?state=discarded', '/en/processes', '/en/cron']) {
    await expect(nav.locator(`a[href="${path}"] .nav-count`).first(), path).toHaveText(/^≈?\d[\d.,]*[KMB]?$/);
  }
  const processes = nav.locator('a[href="/en/processes"] .nav-count');
  const zero = (await processes.textContent()) === '0';
  await expect(processes).toHaveClass(zero ? /nav-count-danger/ : /nav-count-neutral/);
  // GoodJob's fixture pauses the backlog queue: the Pauses link counts it.
  await expect(nav.locator('a[href="/en/pauses"] .nav-count')).toHaveText(/^[1-9]\d*$/);
});
