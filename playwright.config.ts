import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3917);
const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
// E2E_DB_NAME lets two checkouts' suites run side by side (each its own database, E2E_PORT and NEXT_DIST_DIR).
serverUrl.pathname = `/${process.env.E2E_DB_NAME ?? 'gjd_e2e'}`;
const databaseUrl = serverUrl.toString();
// The specs read and change rows in the same database as the server (e2e/fixtures.ts).
process.env.E2E_DATABASE_URL = databaseUrl;

export default defineConfig({
  testDir: 'e2e',
  // Sized for a machine whose other core is busy (a CI neighbour, `yes > /dev/null`): no test is near them on an idle one.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    // Ready when the app answers /readyz: the database answers and holds GoodJob's tables.
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    // A callback class the fixture's GoodJob never enqueued, whose queue the operator named (e2e/runs.spec.ts).
    env: { E2E_DATABASE_URL: databaseUrl, E2E_PORT: String(port), GOOD_JOB_CALLBACK_QUEUES: 'E2eFreshCallbackJob=batch_callbacks' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
