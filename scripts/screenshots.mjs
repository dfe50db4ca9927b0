// Screenshots for the README: the batch page of a discarded batch in ko, ja and ru, and in ru at phone width.
// Usage: start the dashboard (`npm start`), then `node scripts/screenshots.mjs [base URL]` (default http://127.0.0.1:3000).
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const out = new URL('../docs/screenshots/', import.meta.url);
await mkdir(out, { recursive: true });

const list = await fetch(`${base}/en/batches?state=discarded`).then((r) => r.text());
const batchId = /\/en\/batches\/([0-9a-f-]{36})/.exec(list)?.[1];
if (!batchId) throw new Error(`no discarded batch at ${base}/en/batches`);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const shots = [
  { name: 'batch-ko.png', locale: 'ko', viewport: { width: 1280, height: 860 } },
  { name: 'batch-ja.png', locale: 'ja', viewport: { width: 1280, height: 860 } },
  { name: 'batch-ru.png', locale: 'ru', viewport: { width: 1280, height: 860 } },
  { name: 'batch-ru-phone.png', locale: 'ru', viewport: { width: 390, height: 844 } },
];
for (const shot of shots) {
  const page = await browser.newPage({ viewport: shot.viewport, colorScheme: 'light' });
  await page.goto(`${base}/${shot.locale}/batches/${batchId}`, { waitUntil: 'networkidle' });
  const phone = shot.viewport.width < 640;
  // A wide screen shows the whole page; a phone its batched jobs, which are what the phone layout is about.
  if (phone) await page.getByTestId('batched-jobs').evaluate((table) => table.closest('section')?.scrollIntoView());
  await page.screenshot({ path: new URL(shot.name, out).pathname, fullPage: !phone });
  await page.close();
  console.log(`docs/screenshots/${shot.name}`);
}
await browser.close();
