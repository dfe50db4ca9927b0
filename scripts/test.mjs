// `npm test`: prerequisites, lint, typecheck, unit and database tests (vitest), production build, end-to-end tests
// (Playwright in Debian's Chromium). Ends with one line `N passed, N failed` counting every test and check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBuild } from './lib/build.mjs';
import { ensurePrerequisites } from './lib/prereqs.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

const totals = { passed: 0, failed: 0 };
const lines = [];
function record(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${name}: ${passed} passed, ${failed} failed`);
}

function vitestCounts(file) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + brokenFiles };
}

function playwrightCounts(file) {
  if (!existsSync(file)) return null;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + (stats.skipped > 0 ? stats.skipped : 0) };
}

async function main() {
  const missing = await ensurePrerequisites();
  if (missing.length > 0) {
    console.error(`npm test cannot run; missing:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  mkdirSync('test-results', { recursive: true });

  console.log('\n== lint (eslint)');
  record('lint', ...(run(bin('eslint'), ['.', '--max-warnings=0']) ? [1, 0] : [0, 1]));
  console.log('\n== typecheck (tsc --noEmit)');
  record('typecheck', ...(run(bin('tsc'), ['--noEmit']) ? [1, 0] : [0, 1]));

  console.log('\n== unit and database tests (vitest)');
  rmSync('test-results/vitest.json', { force: true });
  // A non-UTC zone proves that times are read as UTC whatever the machine's zone.
  const vitestOk = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'], { TZ: 'Asia/Seoul' });
  const v = vitestCounts('test-results/vitest.json') ?? { passed: 0, failed: 1 };
  record('unit+db', v.passed, v.failed + (vitestOk || v.failed > 0 ? 0 : 1));

  console.log('\n== production build');
  ensureBuild({ force: process.env.CI === 'true' });

  console.log('\n== end-to-end tests (Playwright, Chromium)');
  rmSync('test-results/e2e.json', { force: true });
  const e2eOk = run(bin('playwright'), ['test']);
  const e = playwrightCounts('test-results/e2e.json') ?? { passed: 0, failed: 1 };
  record('e2e', e.passed, e.failed + (e2eOk || e.failed > 0 ? 0 : 1));

  console.log(`\n${lines.join('\n')}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  process.exit(1);
});
