// Export: the links on the batch page and the jobs list download every matching job, as CSV or NDJSON.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, messages, test } from './fixtures';
import { seedBatch } from './seed';

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).first().click()]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('the batch page downloads its batched jobs as CSV, formulas neutralised (ko)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'succeeded', 'queued']);
  await db.query(`UPDATE good_jobs SET error = '=HYPERLINK("http://evil")' WHERE id = $1`, [jobIds[0]]);
  await page.goto(`/ko/batches/${batchId}`);
  await expect(page.getByTestId('export-links')).toContainText(messages('ko').Export!.label!);
  const { name, text } = await download(page, 'export-csv');
  expect(name).toBe(`batch-${batchId}-jobs.csv`);
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('id,job_class,queue_name,priority,labels,state,attempts,created_at,scheduled_at,performed_at,finished_at,error,batch_id');
  expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual([...jobIds].sort());
  expect(lines.find((l) => l.startsWith(jobIds[0]!))).toContain(`,discarded,3,`);
  expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
});

test('the jobs list downloads every job its filter matches as NDJSON (ja)', async ({ page, db }) => {
  const { jobIds } = await seedBatch(db, ['queued', 'queued']);
  const queue = `export-${Date.now()}`;
  await db.query('UPDATE good_jobs SET queue_name = $2 WHERE id = ANY($1)', [jobIds, queue]);
  await page.goto(`/ja/jobs?queue=${queue}`);
  const { name, text } = await download(page, 'export-ndjson');
  expect(name).toBe(`jobs_queue-${queue}.ndjson`);
  const rows = text.trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(rows.map((r) => r.id).sort()).toEqual([...jobIds].sort());
  for (const r of rows) expect(r).toMatchObject({ queue_name: queue, state: 'queued', serialized_params: { job_class: 'ExampleJob' } });
});

test('an export of an unknown or malformed batch is a 404; a filter export is CSV with its header', async ({ request }) => {
  expect((await request.get('/api/batches/00000000-0000-4000-8000-000000000000/jobs.csv')).status()).toBe(404);
  expect((await request.get('/api/batches/not-a-uuid/jobs.ndjson')).status()).toBe(404);
  const all = await request.get('/api/jobs.csv?state=discarded');
  expect(all.status()).toBe(200);
  expect(all.headers()['content-type']).toContain('text/csv');
  expect((await all.text()).split('\r\n')[0]).toContain('id,job_class');
});

test('the batch page’s NDJSON link carries each job’s serialized_params (ru)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['running']);
  await page.goto(`/ru/batches/${batchId}`);
  await expect(page.getByTestId('export-links')).toContainText(messages('ru').Export!.label!);
  const { name, text } = await download(page, 'export-ndjson');
  expect(name).toBe(`batch-${batchId}-jobs.ndjson`);
  const [row] = text.trimEnd().split('\n').map((l) => JSON.parse(l));
  expect(row).toMatchObject({ id: jobIds[0], state: 'running', batch_id: batchId, serialized_params: { job_id: jobIds[0], arguments: ['running'] } });
});
