import type pg from 'pg';
import { expect, messages, test, type Locale } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch, type SeedState } from './seed';

// Every job action twice: from a list row's menu with JavaScript (the table's one menu and one confirmation), and
// from the job's page without it (a plain form; the page the post lands on says what happened). Each checks the row.

type Action = 'retry' | 'discard' | 'reschedule' | 'forceDiscard' | 'destroy';
const CASES: { action: Action; state: SeedState; changed: (db: pg.Pool, id: string) => Promise<unknown> }[] = [
  { action: 'retry', state: 'discarded', changed: async (db, id) => (await db.query('SELECT finished_at IS NULL AS v FROM good_jobs WHERE id = $1', [id])).rows[0]?.v },
  { action: 'discard', state: 'queued', changed: async (db, id) => (await db.query(`SELECT finished_at IS NOT NULL AND error LIKE '%Discarded through dashboard' AS v FROM good_jobs WHERE id = $1`, [id])).rows[0]?.v },
  { action: 'reschedule', state: 'scheduled', changed: async (db, id) => (await db.query(`SELECT scheduled_at <= now() AT TIME ZONE 'UTC' AS v FROM good_jobs WHERE id = $1`, [id])).rows[0]?.v },
  { action: 'forceDiscard', state: 'running', changed: async (db, id) => (await db.query(`SELECT finished_at IS NOT NULL AND error LIKE '%Force discarded through dashboard' AS v FROM good_jobs WHERE id = $1`, [id])).rows[0]?.v },
  { action: 'destroy', state: 'succeeded', changed: async (db, id) => (await db.query('SELECT count(*) = 0 AS v FROM good_jobs WHERE id = $1', [id])).rows[0]?.v },
];
const LOCALES: Locale[] = ['ko', 'ja', 'ru', 'ko', 'ja'];

for (const [i, { action, state, changed }] of CASES.entries()) {
  const locale = LOCALES[i]!;
  const m = messages(locale);

  test(`${action} a ${state} job from the jobs list's row menu (${locale})`, async ({ page, db }) => {
    const { batchId, jobIds } = await seedBatch(db, [state]);
    const jobId = jobIds[0]!;
    const list = new BatchPage(page, locale);
    await page.goto(`/${locale}/jobs?batch_id=${batchId}`);
    const question = await list.act(jobId, action);
    expect(question).toContain(jobId);
    expect(await list.result()).toContain(jobId);
    await expect.poll(() => changed(db, jobId)).toBe(true);
  });

  test(`${action} a ${state} job from its page without JavaScript (${locale})`, async ({ browser, db }) => {
    const { jobIds } = await seedBatch(db, [state]);
    const jobId = jobIds[0]!;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${locale}/jobs/${jobId}`);
    await page.getByText(m.JobAction!.menu!, { exact: true }).click();
    await page.getByTestId(`action-${action}`).click();
    await expect(page.getByTestId('posted-result')).toHaveText(m.ActionResult![action]!.replace('{id}', jobId));
    expect(await changed(db, jobId)).toBe(true);
    await context.close();
  });
}
