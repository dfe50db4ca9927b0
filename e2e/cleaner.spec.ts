// The Discard Cleaner: its two tables, a count's link to exactly its jobs, Retry all and Destroy all on one group.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { expect, messages, test, type Locale } from './fixtures';

const DISCARDED = `finished_at IS NOT NULL AND error IS NOT NULL`;

/** Discarded jobs of one class, each finished `minutesAgo` before now, with one failed execution each. */
async function seedDiscarded(db: pg.Pool, jobClass: string, error: string, minutesAgo: number[]): Promise<string[]> {
  const ids: string[] = [];
  for (const minutes of minutesAgo) {
    const id = randomUUID();
    ids.push(id);
    const params = { job_id: id, job_class: jobClass, arguments: [], executions: 2, queue_name: 'default', enqueued_at: '2026-01-01T00:00:00.000000000Z', exception_executions: {} };
    await db.query(
      `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, job_class, created_at, updated_at, scheduled_at, performed_at, finished_at, error, error_event, executions_count)
       VALUES ($1, $1, 'default', 0, $2, $3, (now() AT TIME ZONE 'UTC') - interval '8 days', now() AT TIME ZONE 'UTC', (now() AT TIME ZONE 'UTC') - interval '8 days',
               (now() AT TIME ZONE 'UTC') - ($4 || ' minutes')::interval, (now() AT TIME ZONE 'UTC') - ($4 || ' minutes')::interval, $5, 4, 2)`,
      [id, JSON.stringify(params), jobClass, String(minutes), error],
    );
    await db.query(
      `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, error, error_event)
       VALUES (gen_random_uuid(), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', $1, $2, 'default', $3, 4)`,
      [id, jobClass, error],
    );
  }
  return ids;
}

const discardedIds = async (db: pg.Pool, where: string, params: unknown[]) =>
  (await db.query<{ id: string }>(`SELECT id FROM good_jobs WHERE ${DISCARDED} AND ${where} ORDER BY id`, params)).rows.map((r) => r.id);

for (const locale of ['ko', 'ja', 'ru'] as const satisfies readonly Locale[]) {
  test(`the Discard Cleaner lists the groups, links to their jobs, and retries or destroys one group (${locale})`, async ({ page, db }) => {
    const t = messages(locale).Cleaner!;
    const prefix = `Cleaner${locale}${Date.now()}`;
    const names = { retry: `${prefix}::RetryJob`, keep: `${prefix}::KeepJob`, destroy: `${prefix}::DestroyJob`, old: `${prefix}::OldJob`, boom: `${prefix}::BoomError`, gone: `${prefix}::GoneError` };
    // RetryJob: 30 min, 2 h and 2 days ago; KeepJob shares its exception; DestroyJob has its own.
    const retryIds = await seedDiscarded(db, names.retry, `${names.boom}: boom`, [30, 120, 2 * 24 * 60]);
    const keepIds = await seedDiscarded(db, names.keep, `${names.boom}: boom`, [10, 5 * 24 * 60]);
    const destroyIds = await seedDiscarded(db, names.destroy, `${names.gone}: gone`, [20, 240]);
    await seedDiscarded(db, names.old, `${prefix}::OldError: old`, [6 * 24 * 60]);

    await page.goto(`/${locale}/cleaner`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title!);
    const byClass = page.getByTestId('cleaner-class');
    const byException = page.getByTestId('cleaner-exception');
    await expect(byClass.getByRole('heading', { level: 2 })).toHaveText(t.byClass!);
    await expect(byException.getByRole('heading', { level: 2 })).toHaveText(t.byException!);
    await expect(byClass.getByRole('columnheader')).toContainText([t.class!, t.all!, t.last1Hour!, t.last3Hours!, t.last24Hours!, t.last3Days!, t.last7Days!]);
    await expect(byException.getByRole('columnheader').first()).toHaveText(t.exception!);
    await expect(byClass.locator('tfoot th')).toHaveText(t.total!);

    // All, 1 h, 3 h, 24 h, 3 days, 7 days.
    const retryRow = byClass.locator(`tr[data-group="${names.retry}"]`);
    await expect(retryRow.locator('td.num')).toHaveText(['3', '1', '2', '2', '3', '3']);
    await expect(byClass.locator(`tr[data-group="${names.destroy}"] td.num`)).toHaveText(['2', '1', '1', '2', '2', '2']);
    const boomRow = byException.locator(`tr[data-group="${names.boom}"]`);
    await expect(boomRow.locator('td.num')).toHaveText(['5', '2', '3', '3', '4', '5']);
    // A zero is plain text; any other count is a link.
    const oldRow = byClass.locator(`tr[data-group="${names.old}"]`);
    await expect(oldRow.locator('td.num')).toHaveText(['1', '0', '0', '0', '0', '1']);
    await expect(oldRow.locator('td.num[data-column="1"]').getByRole('link')).toHaveCount(0);
    await expect(oldRow.locator('td.num[data-column="5"]').getByRole('link')).toHaveCount(1);

    // The 3-hour count opens exactly those jobs: the ones the database holds for that class since the link's moment.
    await retryRow.locator('td.num[data-column="2"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/jobs\?state=discarded&job_class=.*&finished_since=/);
    const since = new URL(page.url()).searchParams.get('finished_since')!;
    const expected = await discardedIds(db, 'job_class = $1 AND finished_at >= $2::timestamptz AT TIME ZONE \'UTC\'', [names.retry, since]);
    expect(expected).toHaveLength(2);
    const listed = page.locator('[data-testid="jobs"] tbody.job');
    await expect(listed).toHaveCount(expected.length);
    expect((await listed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')))).sort()).toEqual(expected);

    // The exception's All count opens every discarded job with that exception, whatever its class.
    await page.goBack();
    await boomRow.locator('td.num[data-column="0"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/jobs\?state=discarded&error_class=/);
    await expect(listed).toHaveCount(5);
    expect((await listed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-job-id')))).sort()).toEqual([...retryIds, ...keepIds].sort());

    // Retry all on RetryJob: asks first, naming the class and the count.
    await page.goto(`/${locale}/cleaner`);
    await retryRow.getByTestId('cleaner-retry').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(names.retry);
    expect((await dialog.textContent())!.replace(names.retry, '')).toMatch(/\b3\b/);
    await dialog.getByRole('button', { name: t.retryAll! }).click();
    await expect(page.getByTestId('action-result').locator('[data-outcome="done"]')).toBeVisible();
    await expect(retryRow).toHaveCount(0);
    const retried = await db.query(
      `SELECT finished_at, performed_at, error_event, error, serialized_params->>'executions' AS executions FROM good_jobs WHERE id = ANY($1::uuid[])`,
      [retryIds],
    );
    expect(retried.rows).toEqual(retryIds.map(() => ({ finished_at: null, performed_at: null, error_event: 3, error: `${names.boom}: boom`, executions: '3' })));
    expect(await discardedIds(db, 'job_class = $1', [names.keep])).toEqual([...keepIds].sort());
    expect(await discardedIds(db, 'job_class = $1', [names.destroy])).toEqual([...destroyIds].sort());

    // Destroy all on the GoneError exception: its jobs and their executions are gone, nothing else.
    const goneRow = byException.locator(`tr[data-group="${names.gone}"]`);
    await goneRow.getByTestId('cleaner-destroy').click();
    await expect(dialog).toContainText(names.gone);
    await dialog.getByRole('button', { name: t.destroyAll! }).click();
    await expect(goneRow).toHaveCount(0);
    const left = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM good_jobs WHERE id = ANY($1::uuid[])', [destroyIds]);
    expect(left.rows[0]!.n).toBe(0);
    const executions = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM good_job_executions WHERE active_job_id = ANY($1::uuid[])', [destroyIds]);
    expect(executions.rows[0]!.n).toBe(0);
    expect(await discardedIds(db, 'job_class = $1', [names.keep])).toEqual([...keepIds].sort());
    const kept = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM good_jobs WHERE id = ANY($1::uuid[])', [retryIds]);
    expect(kept.rows[0]!.n).toBe(3);
    await expect(byException.locator(`tr[data-group="${names.boom}"] td.num`).first()).toHaveText('2');
  });
}
