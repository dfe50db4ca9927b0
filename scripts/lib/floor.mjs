// The benchmark's floor (bench/floor): a bare Next app on the same database, built and started by `npm run bench` only,
// and what the bench measures on it and on the dashboard alike: CPU time of a server process, the shape of a page's HTML.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { nextBin } from './build.mjs';

export const FLOOR_DIR = join('bench', 'floor');
/** What Next writes into the floor's folder: never part of what it is built from. */
const GENERATED = new Set(['.next', 'next-env.d.ts', 'tsconfig.tsbuildinfo']);

function floorFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((entry) => !GENERATED.has(entry))
    .sort()
    .flatMap((entry) => floorFiles(join(path, entry)));
}

/** The floor's sources and the lockfile (its dependencies are the root's): what its build is made from. */
function floorHash(root) {
  const hash = createHash('sha256');
  for (const file of [...floorFiles(join(root, FLOOR_DIR)), join(root, 'package-lock.json')]) {
    hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds bench/floor into bench/floor/.next unless that build was made from these very sources. */
export function ensureFloorBuild(root = process.cwd()) {
  const record = join(root, FLOOR_DIR, '.next', 'floor-build.json');
  const hash = floorHash(root);
  if (existsSync(join(root, FLOOR_DIR, '.next', 'BUILD_ID')) && existsSync(record) && readFileSync(record, 'utf8') === hash) {
    console.log('The floor build is up to date.');
    return;
  }
  console.log('Building the floor (bench/floor)…');
  const result = spawnSync(process.execPath, [nextBin(), 'build', FLOOR_DIR], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) {
    console.error('The floor build failed: see the messages above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(record, hash);
}

/** `next start` on the floor, on the dashboard's database. */
export function startFloor(databaseUrl, port) {
  return spawn(process.execPath, [nextBin(), 'start', FLOOR_DIR, '--hostname', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function descendants(pid) {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}

/** CPU time (user + system, every thread) of a process and its live descendants so far, in ms. */
export function cpuMs(pid) {
  let ticks = 0;
  for (const id of [pid, ...descendants(pid)]) {
    try {
      // After the command name's closing parenthesis: field 3 (state) first, utime and stime are fields 14 and 15.
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(')').pop().trim().split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone meanwhile */
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** One response as a browser asks for it (gzip): its bytes on the wire and decompressed. */
export function fetchGzip(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'gzip', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        resolve({ status: res.statusCode, gzipBytes: wire.length, rawBytes: body.length, text: body.toString('utf8') });
      });
    }).on('error', reject);
  });
}

/** Bytes of the inline `<script>self.__next_f.push(…)</script>` elements (the RSC payload sent along) in a page. */
export function rscBytes(html) {
  let total = 0;
  for (const match of html.matchAll(/<script\b[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)) total += Buffer.byteLength(match[0]);
  return total;
}

export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
