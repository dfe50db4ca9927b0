import { chromium } from '@playwright/test';
const [,, url, out, width = '390', full = '1'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: Number(width), height: 844 } });
await p.goto(url, { waitUntil: 'networkidle' });
await p.screenshot({ path: out, fullPage: full === '1' });
console.log('scrollWidth', await p.evaluate(() => document.documentElement.scrollWidth));
await b.close();
