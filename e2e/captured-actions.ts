// Real server-action requests, as a signed-in browser sends them: captured on their way out (and stopped there, so
// nothing changes), to be replayed by a test the way an attacker would.
import { expect, type Page, type Request } from '@playwright/test';
import type pg from 'pg';
import { messages } from './fixtures';
import { BatchPage } from './pages/batch-page';
import { seedBatch } from './seed';

export type ActionKind = 'single' | 'batch' | 'inspect' | 'bulk';

export interface CapturedAction {
  kind: ActionKind;
  /** The path it was posted to, with the base path. */
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface CaptureResult {
  actions: CapturedAction[];
  batchId: string;
  /** [a discarded job (single retry), a queued job (Inspect, bulk discard)] */
  jobIds: string[];
}

/**
 * Seeds a discarded batch and, on `origin + basePath`, sends one request of each kind through the UI in `page`:
 * Retry on a job, Retry batch, an Inspect read, a bulk discard of a selected row. Each is captured and aborted.
 */
export async function captureActions(page: Page, db: pg.Pool, origin: string, basePath = '', kinds: ActionKind[] = ['single', 'batch', 'inspect', 'bulk']): Promise<CaptureResult> {
  const { batchId, jobIds } = await seedBatch(db, ['discarded', 'queued']);
  const queue = `capture-${Date.now()}`;
  await db.query('UPDATE good_jobs SET queue_name = $2 WHERE id = $1', [jobIds[1], queue]);
  const actions: CapturedAction[] = [];
  let current: ActionKind = 'single';
  const isAction = (r: Request) => r.method() === 'POST' && r.headers()['next-action'] !== undefined;
  await page.route(
    (url) => url.origin === origin,
    async (route) => {
      const request = route.request();
      if (!isAction(request)) return route.continue();
      actions.push({ kind: current, path: new URL(request.url()).pathname, headers: await request.allHeaders(), body: request.postDataBuffer() ?? Buffer.alloc(0) });
      await route.abort();
    },
  );
  const captured = async (kind: ActionKind, act: () => Promise<unknown>) => {
    if (!kinds.includes(kind)) return;
    current = kind;
    await act();
    await expect.poll(() => actions.some((a) => a.kind === kind)).toBe(true);
  };

  // A stopped action leaves the page on its error screen: each capture starts from a fresh page.
  const batchPage = new BatchPage(page, 'en');
  const openBatch = () => page.goto(`${origin}${basePath}/en/batches/${batchId}`);
  await captured('single', async () => {
    await openBatch();
    await batchPage.act(jobIds[0]!, 'retry');
  });
  await captured('batch', async () => {
    await openBatch();
    await batchPage.retryBatch();
  });
  await captured('inspect', async () => {
    await openBatch();
    await batchPage.job(jobIds[1]!).getByText(batchPage.t('JobsTable', 'inspect'), { exact: true }).click();
  });
  if (kinds.includes('bulk')) {
    await page.goto(`${origin}${basePath}/en/jobs?queue=${queue}`);
    await page.locator(`tbody[data-job-id="${jobIds[1]}"] [data-testid="select-job"]`).check();
    await page.getByTestId('bulk-action').selectOption('discard');
    await captured('bulk', async () => {
      await page.getByTestId('bulk-apply').click();
      await page.getByRole('dialog').getByRole('button', { name: messages('en').JobAction!.discard, exact: true }).click();
    });
  }
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  return { actions, batchId, jobIds };
}

/** The paths that used to skip the proxy for a page at `path` (base path included): prefixes of public paths. */
export function prefixTricks(path: string, basePath = ''): string[] {
  const rel = path.slice(basePath.length); // `/en/jobs`
  return [`/favicon.ico${rel.slice(1)}`, `/favicon.ico${rel}`, `/_next/staticX${rel}`, `/_next/imageX${rel}`, `/_next/static${rel}`, `/healthz${rel}`].map((p) => basePath + p);
}

/** A captured request's headers without credentials (and without what the HTTP client sets itself). */
export function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const { authorization: _a, 'content-length': _l, ...rest } = headers;
  return rest;
}

/** Everything about a batch and its jobs, to show that nothing changed. */
export async function snapshot(db: pg.Pool, batchId: string) {
  const batch = await db.query('SELECT * FROM good_job_batches WHERE id = $1', [batchId]);
  const jobs = await db.query('SELECT * FROM good_jobs WHERE batch_id = $1 OR batch_callback_id = $1 ORDER BY id', [batchId]);
  return { batch: batch.rows, jobs: jobs.rows };
}
