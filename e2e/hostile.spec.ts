import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { captureActions, snapshot, withoutCredentials } from './captured-actions';
import { expect, messages, test } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';

const SCRIPT = `<script>window.__pwned=1</script>`;
const IMG = `"><img src=x onerror="window.__pwned=2">`;
const RTL = '\u202Eevil\u202C مرحبا עברית';
const EMOJI = '🔥💥👩‍👩‍👧‍👦';
const token = (n: number) => `${'W'.repeat(n)}`;
const nested = (depth: number): unknown => (depth === 0 ? { leaf: SCRIPT } : { [`k${depth}`]: nested(depth - 1) });

async function inert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('main script')).toHaveCount(0);
  // The layout holds: nothing pushes the page wider than the window.
  const overflow = await page.evaluate(() => {
    const tooWide = (e: Element | null) => !!e && e.getBoundingClientRect().right > window.innerWidth + 1;
    // The outermost elements that stick out (a scrolling box's content may be wider: it scrolls inside).
    const wide = [...document.querySelectorAll('body *')].filter((e) => tooWide(e) && !tooWide(e.parentElement) && getComputedStyle(e.parentElement!).overflowX === 'visible');
    return { by: document.documentElement.scrollWidth - window.innerWidth, culprits: wide.slice(0, 3).map((e) => `${e.tagName}.${e.className}`) };
  });
  expect(overflow).toEqual({ by: 0, culprits: [] });
}

test('hostile data renders inert and readable, and the layout holds', async ({ page, db }) => {
  test.setTimeout(90_000);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  const batchId = randomUUID();
  const jobId = randomUUID();
  const queue = `q${IMG}${RTL}${token(1000)}`.slice(0, 1024);
  const jobClass = `Evil${SCRIPT}${EMOJI}${token(900)}`;
  const labels = [`<b>bold</b>${EMOJI}`, RTL, token(1024)];
  const bigArgument = `${SCRIPT}${IMG}${'x'.repeat(100_000)}`;
  const bigError = `Boom${IMG}'"${'y'.repeat(100_000)}`;
  await db.query(
    `INSERT INTO good_job_batches (id, created_at, updated_at, description, serialized_properties, on_finish, enqueued_at)
     VALUES ($1, now(), now(), $2, $3, $4, now())`,
    [batchId, `${IMG}${RTL}${EMOJI} ${token(1000)}`, JSON.stringify({ deep: nested(300), note: SCRIPT }), jobClass],
  );
  await db.query(
    `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, performed_at, finished_at,
       error, error_event, batch_id, job_class, executions_count, labels)
     VALUES ($1, $1, $2, 0, $3, now(), now(), now(), now(), now(), $4, 4, $5, $6, 1, $7)`,
    [jobId, queue, JSON.stringify({ job_class: jobClass, arguments: [bigArgument, nested(300), RTL, EMOJI] }), bigError, batchId, jobClass, labels],
  );
  await db.query(
    `INSERT INTO good_job_executions (id, created_at, updated_at, active_job_id, job_class, queue_name, error, error_event, error_backtrace, finished_at)
     VALUES (gen_random_uuid(), now(), now(), $1, $2, $3, $4, 4, $5, now())`,
    [jobId, jobClass, queue, bigError, [`/app/${IMG}.rb:1:in \`x'`, `/usr/local/bundle/gems/${SCRIPT}/y.rb:2`]],
  );

  await page.goto(`/ru/batches/${batchId}?inspect=all`);
  await expect(page.getByText(`${IMG}${RTL}${EMOJI}`, { exact: false }).first()).toBeVisible();
  await expect(page.locator(`tbody[data-job-id="${jobId}"] .job-class`)).toHaveText(jobClass);
  await expect(page.locator(`tbody[data-job-id="${jobId}"] td.queue`)).toHaveText(queue);
  await expect(page.locator(`tbody[data-job-id="${jobId}"] .pill`)).toHaveText(labels);
  const inspect = await page.locator(`tbody[data-job-id="${jobId}"] pre`).textContent();
  expect(inspect).toContain(JSON.stringify(bigArgument));
  // Nested 300 levels: printed on one line below PRETTY_DEPTH, still as text.
  expect(inspect).toContain('"leaf":"<script>window.__pwned=1</script>"');
  await expect(page.getByTestId('attributes')).toContainText('"note": "<script>window.__pwned=1</script>"');
  await inert(page);

  await page.goto(`/ja/batches?q=${encodeURIComponent(token(1000).slice(0, 50))}`);
  await expect(page.locator(`[data-batch-id="${batchId}"]`)).toBeVisible();
  await inert(page);

  await page.goto(`/ko/jobs?queue=${encodeURIComponent(queue)}`);
  await expect(page.locator(`tbody[data-job-id="${jobId}"]`)).toBeVisible();
  // The list carries a one-line summary of the 100 KB error, as text; the job's page has all of it.
  expect(await page.locator(`tbody[data-job-id="${jobId}"] .error-line`).textContent()).toBe(`${bigError.slice(0, 300)}…`);
  await inert(page);

  await page.goto(`/en/jobs/${jobId}`);
  const fullError = await page.getByTestId('job-error').textContent();
  expect(fullError).toBe(bigError);
  await expect(page.getByTestId('execution-error')).toHaveText(bigError);
  await expect(page.getByTestId('application-frames')).toHaveText(`/app/${IMG}.rb:1:in \`x'`);
  await inert(page);
  expect(dialogs).toBe(0);
});

test('a job whose arguments nest 3,000 levels deep shows its page and Inspect, and its actions still work (ja)', async ({ page, db }) => {
  const { batchId, jobIds } = await seedBatch(db, ['queued']);
  const depth = 3_000;
  const deep = `${'{"a": ['.repeat(depth)}"${SCRIPT}"${']}'.repeat(depth)}`;
  await db.query(`UPDATE good_jobs SET serialized_params = jsonb_set(serialized_params, '{arguments}', jsonb_build_array($2::jsonb)) WHERE id = $1`, [jobIds[0], deep]);

  const response = await page.goto(`/ja/jobs/${jobIds[0]}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText(`"${SCRIPT}"`).first()).toBeAttached();
  await inert(page);

  const batchPage = new BatchPage(page, 'ja');
  await batchPage.open(batchId);
  const json = await batchPage.inspect(jobIds[0]!);
  expect(json.split('"a":').length - 1).toBe(depth);
  await batchPage.act(jobIds[0]!, 'discard');
  await expect(batchPage.job(jobIds[0]!).getByTestId('status-discarded')).toBeVisible();
  const { rows } = await db.query('SELECT error_event FROM good_jobs WHERE id = $1', [jobIds[0]]);
  expect(rows[0].error_event).toBe(5);
});

test('an impossible date in a page cursor is ignored like any other garbage', async ({ request, db }) => {
  const { batchId } = await seedBatch(db, ['queued', 'succeeded']);
  const impossible = Buffer.from(`2026-02-30 25:61:61|${randomUUID()}`).toString('base64url');
  for (const path of ['/en/jobs', '/ko/batches', `/ru/batches/${batchId}`]) {
    for (const key of ['after', 'before']) {
      const response = await request.get(`${path}?${key}=${impossible}`);
      expect(response.status(), `${path}?${key}=`).toBe(200);
    }
  }
});

test.describe('malformed and cross-origin action requests', () => {
  test.use({ expectedConsoleErrors: /net::ERR_FAILED|TypeError: Failed to fetch/ });

  test('get a 4xx and a localized "invalid" or "refused", and change nothing', async ({ page, db, request, baseURL }) => {
    const { actions, batchId } = await captureActions(page, db, baseURL!, '', ['single', 'inspect']);
    const before = await snapshot(db, batchId);
    const invalid = messages('en').ActionResult!.invalid!;
    for (const action of actions) {
      const headers = withoutCredentials(action.headers);
      for (const [type, body] of [
        ['text/plain;charset=UTF-8', 'x'],
        ['text/plain;charset=UTF-8', '{"not": "an array"}'],
        ['multipart/form-data; boundary=zzz', 'garbage'],
        ['application/json', '[]'],
      ] as const) {
        const response = await request.post(action.path, { headers: { ...headers, 'content-type': type }, data: body });
        expect(response.status(), `${action.kind}: ${type} ${body}`).toBe(400);
        expect(await response.text()).toContain(invalid);
      }
      // Decodable, but not what the action takes: the action itself answers "invalid".
      const wrongArgs = await request.post(action.path, { headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, data: '["a", "b"]' });
      expect(wrongArgs.status(), action.kind).toBe(200);
      const crossOrigin = await request.post(action.path, { headers: { ...headers, origin: 'http://evil.example' }, data: action.body });
      expect(crossOrigin.status(), action.kind).toBe(403);
      expect(await crossOrigin.text()).toContain(messages('en').ErrorPage!.crossOrigin);
    }
    const single = actions.find((a) => a.kind === 'single')!;
    const empty = await request.post(single.path, { headers: { ...withoutCredentials(single.headers), 'content-type': 'text/plain;charset=UTF-8' }, data: '[]' });
    expect(empty.status()).toBe(200);
    expect(await empty.text()).toContain(invalid);
    expect(await snapshot(db, batchId)).toEqual(before);
  });
});
