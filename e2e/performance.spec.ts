// The Performance pages: the class table and the chart's data table against the database (executions seeded at
// known times), the window switch, a class page's histogram against WIDTH_BUCKET, and the 404 of an unknown class.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { formatDuration, formatNumber } from '../lib/domain/format';
import { expect, messages, test, type Locale } from './fixtures';

const MINUTE = 60_000;
/** Zones without summer time, so that table times can be read back by fixed-offset arithmetic. */
const ZONES = {
  ko: { zone: 'Asia/Seoul', offsetMinutes: 9 * 60 },
  ja: { zone: 'Asia/Tokyo', offsetMinutes: 9 * 60 },
  ru: { zone: 'Europe/Moscow', offsetMinutes: 3 * 60 },
} as const satisfies Partial<Record<Locale, { zone: string; offsetMinutes: number }>>;
const BOUNDS = [0.02, 0.03, 0.045, 0.065, 0.1, 0.15, 0.225, 0.335, 0.5, 0.75, 1.1, 1.7, 2.5, 3.8, 5.75, 8.5, 13, 20, 30, 45, 65, 100, 150, 225, 335];

/** Executions (and their jobs) of one class: [minutes ago, duration in ms or null, failed]. */
async function seedExecutions(db: pg.Pool, jobClass: string, queue: string, plan: [number, number | null, boolean][]) {
  for (const [minutesAgo, ms, failed] of plan) {
    const id = randomUUID();
    await db.query(
      `WITH t AS (SELECT (now() AT TIME ZONE 'UTC') - $4::int * interval '1 minute' AS at)
       INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, performed_at, finished_at, job_class, executions_count, error)
       SELECT $1::uuid, $1::uuid, $3, 0, jsonb_build_object('job_id', $1::text, 'job_class', $2::text, 'arguments', jsonb_build_array()), at, at, at, at,
         CASE WHEN $5::float8 IS NULL THEN NULL ELSE at + $5::float8 * interval '1 millisecond' END, $2, 1, CASE WHEN $6::boolean THEN 'E2e::Error: failed' END FROM t`,
      [id, jobClass, queue, minutesAgo, ms, failed],
    );
    await db.query(
      `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, scheduled_at, finished_at, error, process_id, duration)
       SELECT gen_random_uuid(), performed_at, performed_at, id, job_class, queue_name, scheduled_at, finished_at, error, NULL, $2::float8 * interval '1 millisecond'
       FROM good_jobs WHERE id = $1`,
      [id, ms],
    );
  }
}

/** The database's figures for a class over executions started in the last `interval`. */
async function dbStats(db: pg.Pool, jobClass: string, interval: string) {
  const { rows } = await db.query<{ n: number; failed: number; avg: number | null; p50: number | null; p95: number | null; max: number | null }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE error IS NOT NULL)::int AS failed, avg(extract(epoch FROM duration) * 1000)::float8 AS avg,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM duration) * 1000)::float8 AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM duration) * 1000)::float8 AS p95, max(extract(epoch FROM duration) * 1000)::float8 AS max
     FROM good_job_executions WHERE job_class = $1 AND created_at >= (now() AT TIME ZONE 'UTC') - $2::interval`,
    [jobClass, interval],
  );
  return rows[0]!;
}

/** What the class table's row should read, formatted as the page formats it. */
function expectedRow(jobClass: string, s: Awaited<ReturnType<typeof dbStats>>, locale: Locale) {
  const d = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, locale));
  return [jobClass, formatNumber(s.n, locale), formatNumber(s.failed, locale), d(s.avg), d(s.p50), d(s.p95), d(s.max)];
}

const cells = (page: Page, selector: string) => page.locator(selector).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));

/** `2026-12-02 19:00:00 Asia/Tokyo` back to the moment it names. */
const fromZoned = (text: string, offsetMinutes: number) => new Date(`${text.slice(0, 19).replace(' ', 'T')}Z`).getTime() - offsetMinutes * MINUTE;

for (const locale of ['ko', 'ja', 'ru'] as const) {
  test(`Performance: the class table and the chart's table equal the database, the window switch, a class's histogram (${locale})`, async ({ browser, db }) => {
    const { zone, offsetMinutes } = ZONES[locale];
    const m = messages(locale);
    const t = m.Performance!;
    const context = await browser.newContext({ timezoneId: zone });
    await context.addCookies([{ name: 'gjd-tz', value: zone, url: 'http://127.0.0.1' }]);
    const page = await context.newPage();
    const tag = randomUUID().slice(0, 8);
    const fast = `PerfE2e${tag}::FastJob`;
    const heavy = `PerfE2e${tag}::HeavyJob`;
    const idle = `PerfE2e${tag}::IdleJob`;
    const queue = `perf-${tag}`;
    await seedExecutions(db, fast, queue, [
      [2, null, false],
      [5, 15, false],
      [20, 25, false],
      [30, 40, true],
      [130, 500, false],
      [131, 1_200, true],
      [600, 3_000, false],
      [3 * 24 * 60, 80, false],
      [10 * 24 * 60, 999, false],
    ]);
    // Hours-long executions: the chart's largest series, so never folded into "Other".
    await seedExecutions(db, heavy, queue, [
      [10, 400_000_000, false],
      [70, 1_200_000_000, false],
      [300, 2_000_000_000, true],
    ]);
    await db.query(`INSERT INTO good_jobs (id, active_job_id, queue_name, serialized_params, created_at, updated_at, job_class) VALUES ($1, $1, $2, '{}', now(), now(), $3)`, [randomUUID(), queue, idle]);

    await page.goto(`/${locale}/performance`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title!);
    await expect(page.getByTestId('window-switch').locator('[aria-current="page"]')).toHaveText(t.window_24h!);
    const row = (jobClass: string) => `[data-testid="class-table"] tbody tr[data-key="${jobClass}"]`;
    for (const jobClass of [fast, heavy]) expect(await cells(page, row(jobClass))).toEqual([expectedRow(jobClass, await dbStats(db, jobClass, '24 hours'), locale)]);
    expect((await cells(page, row(fast)))[0]![1]).toBe(formatNumber(7, locale));

    // The chart's table: each bar's busy time of the heavy class is the sum of its executions started in that bar.
    const chart = page.getByTestId('perf');
    await chart.getByText(m.Chart!.showTable!).click();
    const table = page.getByTestId('perf-table');
    await expect(table).toBeVisible();
    await expect(page.getByTestId('perf-chart').locator('a:has(rect) > title').first()).toBeAttached();
    const head = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const column = head.indexOf(heavy);
    expect(column).toBeGreaterThan(1);
    const { rows: heavyRows } = await db.query<{ at: string; ms: number }>(
      `SELECT to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, extract(epoch FROM duration)::float8 * 1000 AS ms FROM good_job_executions WHERE job_class = $1`,
      [heavy],
    );
    const bars = await cells(page, '[data-testid="perf-table"] tbody tr');
    expect(bars.length).toBeGreaterThanOrEqual(24);
    for (const bar of bars) {
      const start = fromZoned(bar[0]!, offsetMinutes);
      const end = fromZoned(bar[1]!, offsetMinutes);
      const ms = heavyRows.filter((r) => Date.parse(r.at) >= start && Date.parse(r.at) < end).reduce((sum, r) => sum + r.ms, 0);
      expect(bar[column], bar[0]).toBe(formatDuration(ms, locale));
    }
    expect(bars.filter((bar) => bar[column] !== formatDuration(0, locale))).toHaveLength(3);

    // The window switch: the last hour and the last 7 days count other executions.
    await page.getByTestId('window-switch').getByRole('link', { name: t.window_1h! }).click();
    await expect(page).toHaveURL(/\/performance\?window=1h$/);
    await expect(page.getByTestId('window-switch').locator('[aria-current="page"]')).toHaveText(t.window_1h!);
    await expect(page.locator(row(fast)).locator('td').first()).toHaveText(formatNumber(4, locale));
    expect(await cells(page, row(fast))).toEqual([expectedRow(fast, await dbStats(db, fast, '1 hour'), locale)]);
    await page.getByTestId('window-switch').getByRole('link', { name: t.window_7d! }).click();
    await expect(page.locator(row(fast)).locator('td').first()).toHaveText(formatNumber(8, locale));
    expect(await cells(page, row(fast))).toEqual([expectedRow(fast, await dbStats(db, fast, '7 days'), locale)]);

    // A class's page keeps the window; its histogram's table is WIDTH_BUCKET over GoodJob's bounds.
    await page.locator(row(fast)).getByRole('link', { name: fast }).click();
    await expect(page).toHaveURL(new RegExp(`/performance/${encodeURIComponent(fast)}\\?window=7d$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(fast);
    await page.getByTestId('histogram').getByText(m.Chart!.showTable!).click();
    const { rows: buckets } = await db.query<{ b: number; n: number }>(
      `SELECT width_bucket(duration, ARRAY[${BOUNDS.map((s) => `interval '${s} seconds'`).join(',')}]) AS b, count(*)::int AS n FROM good_job_executions
       WHERE job_class = $1 AND duration IS NOT NULL AND created_at >= (now() AT TIME ZONE 'UTC') - interval '7 days' GROUP BY 1`,
      [fast],
    );
    const histogram = await cells(page, '[data-testid="histogram-table"] tbody tr');
    expect(histogram).toHaveLength(26);
    expect(histogram.map((r) => r[1])).toEqual(Array.from({ length: 26 }, (_, i) => formatNumber(buckets.find((b) => b.b === i)?.n ?? 0, locale)));
    expect(histogram[25]![0]).toContain(t.slow!);
    await expect(page.getByTestId('histogram-chart').locator('g[data-bar] > title')).toHaveCount(26);
    // The slowest first, each linking to its job.
    const slowest = page.getByTestId('slowest-table').locator('tbody tr');
    await expect(slowest).toHaveCount(7);
    await expect(slowest.first().locator('td').nth(1)).toHaveText(formatDuration(3_000, locale));
    await slowest.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/jobs/[0-9a-f-]{36}$`));

    // A class with jobs but no execution in the window: an empty state; an unknown class: the 404 page.
    await page.goto(`/${locale}/performance/${encodeURIComponent(idle)}?window=1h`);
    await expect(page.getByTestId('class-empty')).toBeVisible();
    for (const path of [`/${locale}/performance/NoSuch${tag}Job`, `/${locale}/performance/${encodeURIComponent(`Нет/такого ${tag}?`)}`, `/${locale}/performance/%E0%A4%A`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(m.ErrorPage!.notFoundTitle!);
    }
    // Anything but a known window is the default one.
    await page.goto(`/${locale}/performance?window=2y`);
    await expect(page.getByTestId('window-switch').locator('[aria-current="page"]')).toHaveText(t.window_24h!);
    await context.close();
  });
}

test('the Performance pages work without JavaScript: the window links and the chart’s table (ru)', async ({ browser }) => {
  const t = messages('ru').Performance!;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ru/performance');
  await page.getByTestId('window-switch').getByRole('link', { name: t.window_30d! }).click();
  await expect(page).toHaveURL(/\/ru\/performance\?window=30d$/);
  await expect(page.getByTestId('window-switch').locator('[aria-current="page"]')).toHaveText(t.window_30d!);
  await page.getByTestId('perf').getByText(messages('ru').Chart!.showTable!).click();
  await expect(page.getByTestId('perf-table')).toBeVisible();
  await context.close();
});
