// What `npm test` needs besides npm packages: PostgreSQL, psql, Debian's Chromium and CJK fonts, and promtool (from
// Debian's `prometheus`) for the metrics and alert-rule checks.
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

/** Process ids of a running Prometheus server. */
const prometheusPids = () => (spawnSync('pidof', ['prometheus'], { encoding: 'utf8' }).stdout ?? '').trim().split(/\s+/).filter(Boolean);

/**
 * Debian's `prometheus` package brings promtool, and with it the Prometheus server as a service: its maintainer script
 * enables it and, where services may start (systemd, or sysvinit without a policy-rc.d that refuses), starts it on
 * :9090. The tests only need promtool: a server this install started is stopped and disabled again. One that was
 * running before is left alone.
 */
function stopPrometheusServerWeStarted(runningBefore) {
  if (runningBefore.length > 0 || prometheusPids().length === 0) return;
  console.log('Stopping the Prometheus server that installing promtool started (only promtool is needed)…');
  if (existsSync('/run/systemd/system')) {
    spawnSync('systemctl', ['disable', '--now', 'prometheus'], { stdio: 'inherit' });
  } else {
    if (existsSync('/etc/init.d/prometheus')) spawnSync('/etc/init.d/prometheus', ['stop'], { stdio: 'inherit' });
    if (has('update-rc.d')) spawnSync('update-rc.d', ['prometheus', 'disable'], { stdio: 'ignore' });
  }
  if (prometheusPids().length > 0) console.warn('A Prometheus server is still running (pidof prometheus): stop it if you do not want it.');
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
  if (!has('promtool')) aptWanted.push('prometheus');
  if (aptWanted.length > 0 && canApt()) {
    const prometheusBefore = prometheusPids();
    aptInstall(aptWanted);
    if (aptWanted.includes('prometheus')) stopPrometheusServerWeStarted(prometheusBefore);
  }

  if (!existsSync(chromiumPath())) missing.push(`Chromium at ${chromiumPath()} (Debian: apt-get install chromium; or set CHROMIUM_PATH)`);
  if (!cjkFontsPresent()) missing.push('CJK fonts (Debian: apt-get install fonts-noto-cjk)');
  if (!has('psql')) missing.push('psql, the PostgreSQL client (Debian: apt-get install postgresql-client)');
  if (!has('promtool')) missing.push("promtool, Prometheus' checker (Debian: apt-get install prometheus; elsewhere from a Prometheus release)");

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
