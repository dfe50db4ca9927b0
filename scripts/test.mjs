// `npm test`: prerequisites, lint, typecheck, unit and database tests (vitest; again under Node 24 when this Node is
// another), production build, end-to-end tests
// (Playwright in Debian's Chromium). Ends with one line `N passed, N failed` counting every test and check.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureBuild } from './lib/build.mjs';
import { ensurePrerequisites } from './lib/prereqs.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

const totals = { passed: 0, failed: 0 };
const lines = [];
let partStarted = performance.now();
/** One part's totals and the time it took since the part before it ended (its own set-up included). */
function record(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  const seconds = (performance.now() - partStarted) / 1000;
  partStarted = performance.now();
  lines.push(`${name}: ${passed} passed, ${failed} failed (${seconds.toFixed(0)} s)`);
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

/**
 * A Node.js of the given major version from the npm registry (the `node` package), installed once into
 * node_modules/.cache/node<major>: the path of its binary, or null (said why) when it cannot be had.
 */
function nodeFromRegistry(major) {
  const dir = `node_modules/.cache/node${major}`;
  const binary = `${dir}/node_modules/.bin/node`;
  const version = () => spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version().startsWith(`v${major}.`)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/package.json`, '{ "name": "node-for-tests", "private": true }\n');
    run('npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `node@${major}`]);
  }
  if (version().startsWith(`v${major}.`)) return binary;
  console.error(`Node ${major} could not be installed from the npm registry into ${dir} (npm install node@${major}).`);
  return null;
}

async function main() {
  const missing = await ensurePrerequisites();
  if (missing.length > 0) {
    console.error(`npm test cannot run; missing:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  mkdirSync('test-results', { recursive: true });
  lines.push(`prerequisites: ${((performance.now() - partStarted) / 1000).toFixed(0)} s`);
  partStarted = performance.now();

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

  // The product runs on the current LTS (the image is Node 24) and these machines ship Node 20: the same suite again
  // under Node 24 from the npm registry, unless this already is Node 24.
  if (Number(process.versions.node.split('.')[0]) !== 24) {
    console.log('\n== unit and database tests under Node 24 (vitest)');
    const node24 = nodeFromRegistry(24);
    if (node24 === null) {
      record('unit+db on Node 24', 0, 1);
    } else {
      rmSync('test-results/vitest-node24.json', { force: true });
      const ok = run(node24, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest-node24.json'], { TZ: 'Asia/Seoul' });
      const n = vitestCounts('test-results/vitest-node24.json') ?? { passed: 0, failed: 1 };
      record('unit+db on Node 24', n.passed, n.failed + (ok || n.failed > 0 ? 0 : 1));
    }
  }

  console.log('\n== production build');
  ensureBuild({ force: process.env.CI === 'true' });
  lines.push(`build: ${((performance.now() - partStarted) / 1000).toFixed(0)} s`);
  partStarted = performance.now();

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
