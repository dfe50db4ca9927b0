// The jobs list's activity chart: jobs per hour by queue over the last 24 hours, its data table against the
// database, times in the page's time zone, a <title> per bar segment, and a segment's link to its jobs.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { expect, messages, test, type Locale } from './fixtures';

const HOUR = 3_600_000;

/** Each locale reads the page in a zone of its own; Colombo's half-hour offset puts bucket edges at :30. */
const ZONES = {
  ko: { zone: 'Asia/Seoul', offsetMinutes: 9 * 60 },
  ja: { zone: 'Asia/Tokyo', offsetMinutes: 9 * 60 },
  ru: { zone: 'Asia/Colombo', offsetMinutes: 5 * 60 + 30 },
} as const satisfies Partial<Record<Locale, { zone: string; offsetMinutes: number }>>;

/** `2026-12-02 19:00:00 Asia/Tokyo`, by fixed-offset arithmetic (these zones keep no summer time). */
const zoned = (at: Date, zone: string, offsetMinutes: number) => `${new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ')} ${zone}`;
const digits = (text: string) => Number(text.replace(/\D/g, ''));

/** Jobs of one class at known distances before now: [queue, minutes ago, how many]. */
async function seedJobs(db: pg.Pool, jobClass: string, plan: [string | null, number, number][]) {
  for (const [queue, minutesAgo, count] of plan) {
    await db.query(
      `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, performed_at, finished_at, job_class, executions_count)
       SELECT id, id, $1::text, 0, jsonb_build_object('job_id', id, 'job_class', $2::text, 'arguments', jsonb_build_array()), t, t, t, t, t, $2, 1
       FROM (SELECT gen_random_uuid() AS id, (now() AT TIME ZONE 'UTC') - ($3::int * interval '1 minute') AS t FROM generate_series(1, $4::int)) AS s`,
      [queue, jobClass, minutesAgo, count],
    );
  }
}

/** Jobs per hour (bucket start, ISO) and queue in [from, from + 24 h), optionally of one class. */
async function dbCounts(db: pg.Pool, from: Date, jobClass: string | null) {
  const { rows } = await db.query<{ hour: string; queue: string | null; n: number }>(
    `SELECT to_char(date_trunc('hour', scheduled_at), 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"') AS hour, queue_name AS queue, count(*)::int AS n
     FROM good_jobs WHERE scheduled_at >= $1 AND scheduled_at < $2 AND ($3::text IS NULL OR job_class = $3) GROUP BY 1, 2`,
    [from.toISOString().replace('T', ' ').replace('Z', ''), new Date(from.getTime() + 24 * HOUR).toISOString().replace('T', ' ').replace('Z', ''), jobClass],
  );
  return rows;
}

/** The chart's data table as cells: the header row, then one row per bucket. */
async function readTable(page: Page, locale: Locale) {
  const section = page.getByTestId('jobs-activity-section');
  const table = section.getByTestId('jobs-activity-table');
  await section.getByText(messages(locale).Chart!.showTable!).click();
  await expect(table).toBeVisible();
  const head = await table.locator('thead th').allTextContents();
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
  return { head, rows };
}

for (const locale of ['ko', 'ja', 'ru'] as const) {
  test(`the jobs list charts jobs per hour by queue; its table matches the database and a bar opens its jobs (${locale})`, async ({ browser, db }) => {
    const { zone, offsetMinutes } = ZONES[locale];
    const m = messages(locale);
    const t = m.JobsActivity!;
    const context = await browser.newContext({ timezoneId: zone });
    await context.addCookies([{ name: 'gjd-tz', value: zone, url: 'http://127.0.0.1' }]);
    const page = await context.newPage();
    const tag = randomUUID().slice(0, 8);
    const jobClass = `ActivityE2e${tag}::Job`;
    const alpha = `alpha-${tag}`;
    const beta = `beta-${tag}`;
    await seedJobs(db, jobClass, [
      [alpha, 5, 3],
      [beta, 5, 1],
      [alpha, 125, 4],
      [null, 125, 2],
      [beta, 400, 5],
      [alpha, 800, 1],
      [beta, 1360, 2],
    ]);

    // The list filtered by the class: every cell of the table is the database's count for that hour and queue.
    await expect(async () => {
      await page.goto(`/${locale}/jobs?job_class=${encodeURIComponent(jobClass)}`);
      const section = page.getByTestId('jobs-activity-section');
      await expect(section.getByRole('heading', { level: 2 })).toHaveText(t.title!);
      const from = new Date((await section.getAttribute('data-from'))!);
      const want = await dbCounts(db, from, jobClass);
      const { head, rows } = await readTable(page, locale);
      expect(head).toEqual([m.Chart!.from, m.Chart!.to, alpha, beta, t.noQueue, m.Chart!.total]);
      expect(rows).toHaveLength(24);
      for (const [i, row] of rows.entries()) {
        const start = new Date(from.getTime() + i * HOUR);
        expect(row[0]).toBe(zoned(start, zone, offsetMinutes));
        expect(row[1]).toBe(zoned(new Date(start.getTime() + HOUR), zone, offsetMinutes));
        const count = (queue: string | null) => want.find((w) => w.hour === start.toISOString() && w.queue === queue)?.n ?? 0;
        expect(row.slice(2).map(digits), start.toISOString()).toEqual([count(alpha), count(beta), count(null), count(alpha) + count(beta) + count(null)]);
      }
      expect(rows.reduce((n, row) => n + digits(row.at(-1)!), 0)).toBe(18);
      // One segment, with its <title>, per non-zero hour × queue.
      await expect(section.locator('svg[data-testid="jobs-activity-chart"] :has(> rect.ts-seg) > title')).toHaveCount(want.length);
    }).toPass({ timeout: 30_000 });

    const section = page.getByTestId('jobs-activity-section');
    const svg = section.getByTestId('jobs-activity-chart');
    await expect(svg.locator(`a:has(rect[data-series="q:${alpha}"]) > title`).first()).toHaveText(new RegExp(`^${alpha}: \\d`));
    // The axis is written in the page's zone: ticks fall on round UTC hours, so in Colombo they read :30.
    const ticks = await svg.locator('.tl-axis text').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    for (const tick of ticks) {
      const [, h, min] = /(\d{1,2})\D+(\d{2})/.exec(tick) ?? [];
      expect(Number(min), tick).toBe(offsetMinutes % 60);
      expect((((Number(h) * 60 + Number(min) - offsetMinutes) % 180) + 1440) % 180, tick).toBe(0);
    }

    // The unfiltered list: each hour's total is every job scheduled in it.
    await expect(async () => {
      await page.goto(`/${locale}/jobs`);
      const from = new Date((await page.getByTestId('jobs-activity-section').getAttribute('data-from'))!);
      const want = await dbCounts(db, from, null);
      const { rows } = await readTable(page, locale);
      const totals = rows.map((row) => digits(row.at(-1)!));
      expect(totals).toEqual(Array.from({ length: 24 }, (_, i) => want.filter((w) => w.hour === new Date(from.getTime() + i * HOUR).toISOString()).reduce((n, w) => n + w.n, 0)));
    }).toPass({ timeout: 30_000 });

    // A segment's link: the same filters, its queue and its hour; the list shows exactly those jobs.
    await page.goto(`/${locale}/jobs?job_class=${encodeURIComponent(jobClass)}`);
    const link = page.getByTestId('jobs-activity-chart').locator(`a:has(rect[data-series="q:${beta}"])`).first();
    const href = (await link.getAttribute('href'))!;
    const url = new URL(href, 'http://x');
    expect(url.searchParams.get('queue')).toBe(beta);
    expect(url.searchParams.get('job_class')).toBe(jobClass);
    const after = new Date(url.searchParams.get('scheduled_after')!);
    expect(new Date(url.searchParams.get('scheduled_before')!).getTime() - after.getTime()).toBe(HOUR);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM good_jobs WHERE job_class = $1 AND queue_name = $2 AND date_trunc('hour', scheduled_at) = $3`,
      [jobClass, beta, after.toISOString().replace('T', ' ').replace('Z', '')],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`scheduled_after=${encodeURIComponent(after.toISOString())}`));
    await expect(page.locator('[data-testid="jobs"] tbody.job')).toHaveCount(rows[0]!.n);
    await expect(page.getByTestId('extra-filters')).toContainText(after.toISOString());
    await context.close();
  });
}
