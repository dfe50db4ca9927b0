// What `npm test` needs besides npm packages: PostgreSQL, psql, Debian's Chromium and CJK fonts.
// On Debian as root it installs or starts what is missing; elsewhere it says exactly what is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const canApt = () => isRoot() && has('apt-get');

export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function postgresReachable() {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function cjkFontsPresent() {
  if (!has('fc-list')) return false;
  const out = spawnSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).stdout ?? '';
  return /Noto Sans CJK|Noto Serif CJK/i.test(out);
}

let aptUpdated = false;
function aptInstall(packages) {
  console.log(`Installing ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

function startLocalPostgres() {
  if (!isRoot() || !has('pg_ctlcluster') || !existsSync('/etc/postgresql')) return false;
  for (const version of readdirSync('/etc/postgresql')) {
    console.log(`Starting PostgreSQL ${version} (pg_ctlcluster)…`);
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
  return true;
}

/** Chromium alone (the benchmark's browser measurements): installed with apt on Debian as root; else what is missing. */
export function ensureChromium() {
  if (!existsSync(chromiumPath()) && canApt()) aptInstall(['chromium']);
  return existsSync(chromiumPath()) ? null : `Chromium at ${chromiumPath()} (Debian: apt-get install chromium; or set CHROMIUM_PATH)`;
}

/** Makes sure everything is there; returns the list of what is still missing (empty when all is well). */
export async function ensurePrerequisites() {
  const missing = [];
  const aptWanted = [];
  if (!existsSync(chromiumPath())) aptWanted.push('chromium');
  if (!cjkFontsPresent()) aptWanted.push('fonts-noto-cjk', 'fontconfig');
  if (!has('psql')) aptWanted.push('postgresql-client');
  if (aptWanted.length > 0 && canApt()) aptInstall(aptWanted);

  if (!existsSync(chromiumPath())) missing.push(`Chromium at ${chromiumPath()} (Debian: apt-get install chromium; or set CHROMIUM_PATH)`);
  if (!cjkFontsPresent()) missing.push('CJK fonts (Debian: apt-get install fonts-noto-cjk)');
  if (!has('psql')) missing.push('psql, the PostgreSQL client (Debian: apt-get install postgresql-client)');

  if (!(await postgresReachable())) {
    if (startLocalPostgres()) {
      for (let i = 0; i < 30 && !(await postgresReachable()); i += 1) await new Promise((r) => setTimeout(r, 500));
    }
    if (!(await postgresReachable())) {
      missing.push(`PostgreSQL at ${testDatabaseUrl().replace(/:[^:@/]*@/, ':***@')} (start it, or set TEST_DATABASE_URL to a server where this user may create databases)`);
    }
  }
  return missing;
}
