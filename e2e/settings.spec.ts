// `npm start` with a setting that is not what it accepts: the server stops before it listens and names the variable
// (lib/env.ts, checked while Next prepares). The image's server is checked the same way in standalone.spec.ts.
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { TYPOS } from '../lib/testing/typos';

const PORT = Number(process.env.E2E_PORT ?? 3917) + 16;

const npmStart = (extra: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: process.env.E2E_DATABASE_URL!, DASHBOARD_USERNAME: '', DASHBOARD_PASSWORD: '', ...extra },
    encoding: 'utf8',
    timeout: 30_000,
  });

test('each typo in a setting stops npm start before it listens, naming the variable and what it accepts', async ({ request }) => {
  test.setTimeout(180_000);
  for (const [name, value] of Object.entries(TYPOS)) {
    const refused = npmStart({ [name]: value });
    expect(refused.status, `${name}: ${refused.stderr}`).toBe(1);
    expect(refused.stderr).toContain(`${name}=${JSON.stringify(value)}: expected`);
  }
  await expect(request.get(`http://127.0.0.1:${PORT}/healthz`)).rejects.toThrow();
});

test('an on/off setting with a typo is refused, not read as off', () => {
  const refused = npmStart({ DASHBOARD_READ_ONLY: 'ture' });
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('DASHBOARD_READ_ONLY="ture": expected 1, true, yes or on; 0, false, no or off');
});
