// Builds the production bundle when there is none, or when what it was built from has changed. "Changed" means the
// content: a hash of every source file and of the build settings is recorded beside the build, so `npm start` right
// after `npm run build`, a fresh clone or `npm install` (new mtimes, same files) serves at once.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SOURCES = [
  'app', 'components', 'lib', 'messages', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'global.d.ts', 'package.json', 'package-lock.json', 'tsconfig.json',
];
/** Files in the source folders that never reach the bundle. */
const NOT_BUILT = /\.test\.tsx?$/;

function sourceFiles(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return NOT_BUILT.test(path) ? [] : [path];
  return readdirSync(full).sort().flatMap((entry) => sourceFiles(root, join(path, entry)));
}

/** A hash of the sources' paths and contents: what a build is built from. */
export function sourceHash(root = process.cwd()) {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => sourceFiles(root, s))) {
    hash.update(relative(root, join(root, file)).split(sep).join('/')).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

export function nextBin() {
  return createRequire(import.meta.url).resolve('next/dist/bin/next');
}

/**
 * The production server's command line: scripts/server/serve.mjs, Next's handler behind our own HTTP server. V8 lets an
 * idle-looking heap grow far past what the pages need before it collects; capping the old space (DASHBOARD_HEAP_MB,
 * 256 by default; 0 leaves V8's own limit) keeps the server's resident memory near 250 MB under load at no measurable
 * cost in throughput.
 */
export function nextStartArgs(host, port) {
  // A value that is not a whole number is left to the server, which stops naming it (lib/env.ts): never a NaN flag.
  const raw = (process.env.DASHBOARD_HEAP_MB ?? '').trim() || '256';
  const heapMb = /^\d+$/.test(raw) ? Number(raw) : 0;
  const serve = fileURLToPath(new URL('../server/serve.mjs', import.meta.url));
  return [...(heapMb > 0 ? [`--max-old-space-size=${heapMb}`] : []), serve, '--hostname', host, '--port', String(port)];
}

const distDir = () => process.env.NEXT_DIST_DIR || '.next';
/**
 * What a build is made of: the sources, the base path, which is compiled in, and NEXT_OUTPUT=standalone when it is
 * set (a build with Next's standalone server is another build; named only then, so an ordinary build's record keeps
 * its shape).
 */
function buildRecord(root) {
  const output = process.env.NEXT_OUTPUT ? { output: process.env.NEXT_OUTPUT } : {};
  return JSON.stringify({ basePath: (process.env.BASE_PATH ?? '').replace(/\/+$/, ''), ...output, sources: sourceHash(root) });
}
const recordFile = (root) => join(root, distDir(), 'dashboard-build.json');

export function buildIsFresh(root = process.cwd()) {
  if (!existsSync(join(root, distDir(), 'BUILD_ID')) || !existsSync(recordFile(root))) return false;
  return readFileSync(recordFile(root), 'utf8') === buildRecord(root);
}

/** Builds unless the build on disk was made from these very sources and settings (`force`: builds anyway). */
export function ensureBuild({ force = false } = {}) {
  if (!force && buildIsFresh()) {
    console.log('The build is up to date with the sources.');
    return;
  }
  console.log(force ? 'Building the dashboard…' : 'Building the dashboard (no build yet, or sources changed)…');
  const result = spawnSync(process.execPath, [nextBin(), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('The build failed: see the messages above.');
    process.exit(result.status ?? 1);
  }
  // Recorded after the build: `next build` may rewrite tsconfig.json the first time.
  writeFileSync(recordFile(process.cwd()), buildRecord(process.cwd()));
}
