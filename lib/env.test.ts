import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TYPOS } from './testing/typos';
import { ConfigError, configProblems, defaultOf, setting, SETTING_NAMES, UNDOCUMENTED, type SettingName } from './env';

describe('configProblems', () => {
  it('finds nothing wrong with an empty environment or blank values', () => {
    expect(configProblems({})).toEqual([]);
    expect(configProblems({ DASHBOARD_MAX_CONCURRENCY: '', DATABASE_POOL_SIZE: '  ' })).toEqual([]);
  });

  it('names every bad variable at once, with its value and what is accepted — the typos issue #31 found', () => {
    const problems = configProblems(TYPOS);
    expect(problems).toEqual([
      'DATABASE_POOL_SIZE="0": expected a whole number from 1 to 1000; default 10',
      'DATABASE_STATEMENT_TIMEOUT_MS="5s": expected a whole number from 1 to 3600000; default 5000',
      'DASHBOARD_PAGE_DEADLINE_MS="8s": expected a whole number from 1 to 600000; default 8000',
      'DASHBOARD_MAX_CONCURRENCY="eight": expected a whole number from 1 to 1024; default 8',
      'DASHBOARD_QUEUE_WAIT_MS="-1": expected a whole number from 1 to 600000; default 3000',
      'GOOD_JOB_ADVISORY_LOCK_HASH="crc32": expected md5, hashtext, uuid_v5, sha1, sha224, sha256, sha384, sha512; default md5',
      'DASHBOARD_BATCH_LOCK_TIMEOUT="soon": expected a PostgreSQL duration above 0: 3s, 500ms, 1min (a bare number is milliseconds); default 3s',
      'DASHBOARD_HEAP_MB="lots": expected a whole number from 0 to 1048576; default 256',
    ]);
  });

  it('refuses a typo in an on/off setting instead of reading it as off', () => {
    expect(configProblems({ DASHBOARD_READ_ONLY: 'ture' })).toEqual(['DASHBOARD_READ_ONLY="ture": expected 1, true, yes or on; 0, false, no or off']);
    expect(configProblems({ DASHBOARD_READ_ONLY: 'TRUE', DASHBOARD_TRUST_PROXY: '0' })).toEqual([]);
  });

  it('checks the values that are not numbers too', () => {
    const problems = configProblems({
      DATABASE_URL: 'localhost:5432/goodjob',
      DASHBOARD_AUTH: 'off',
      DASHBOARD_ALLOWED_HOSTS: 'https://jobs.example.com',
      GOOD_JOB_CALLBACK_QUEUES: 'PlainCallbackJob=batch_callbacks, Other=x:a',
      NEXT_OUTPUT: 'export',
      BASE_PATH: 'good_job',
      PORT: '80a',
    });
    expect(problems.map((p) => p.split('=')[0])).toEqual(['DATABASE_URL', 'PORT', 'DASHBOARD_AUTH', 'DASHBOARD_ALLOWED_HOSTS', 'BASE_PATH', 'NEXT_OUTPUT', 'GOOD_JOB_CALLBACK_QUEUES']);
    expect(configProblems({ DASHBOARD_ALLOWED_HOSTS: 'jobs.example.com ops.example.com,[::1], 10.0.0.5', DASHBOARD_BATCH_LOCK_TIMEOUT: '1500', DATABASE_URL: 'postgresql://u:p@db:5432/gj?sslmode=require' })).toEqual([]);
    expect(configProblems({ DASHBOARD_BATCH_LOCK_TIMEOUT: '0s' })).toHaveLength(1);
  });

  it('asks for both halves of sign-in', () => {
    expect(configProblems({ DASHBOARD_USERNAME: 'ops' })).toEqual(['DASHBOARD_USERNAME and DASHBOARD_PASSWORD: set both to turn sign-in on, or neither']);
  });
});

describe('setting', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('gives the parsed value, the default when unset, and follows a change of the variable', () => {
    delete process.env.DATABASE_POOL_SIZE;
    expect(setting('DATABASE_POOL_SIZE')).toBe(10);
    process.env.DATABASE_POOL_SIZE = '25';
    expect(setting('DATABASE_POOL_SIZE')).toBe(25);
    process.env.DASHBOARD_READ_ONLY = 'yes';
    expect(setting('DASHBOARD_READ_ONLY')).toBe(true);
  });

  it('throws a ConfigError naming the variable rather than give a NaN', () => {
    process.env.DASHBOARD_SEARCH_TIMEOUT_MS = '3s';
    expect(() => setting('DASHBOARD_SEARCH_TIMEOUT_MS')).toThrow(ConfigError);
    expect(() => setting('DASHBOARD_SEARCH_TIMEOUT_MS')).toThrow('DASHBOARD_SEARCH_TIMEOUT_MS="3s"');
  });
});

describe("the README's Configuration table", () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const table = section.slice(section.indexOf('| variable | default |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  const documented = new Map<string, string>();
  for (const row of rows) {
    const [names, defaults] = row.split(' | ').map((cell) => cell.replace(/^\|\s*/, ''));
    const values = [...defaults!.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
    [...names!.matchAll(/`([A-Z0-9_]+)`/g)].forEach((m, i) => documented.set(m[1]!, defaults!.startsWith('`') ? values[i] ?? values[0]! : 'unset'));
  }

  it('names the same variables as the schema', () => {
    expect([...documented.keys()].sort()).toEqual(SETTING_NAMES.filter((n) => !UNDOCUMENTED.includes(n)).sort());
  });

  it('gives each the default the schema has', () => {
    for (const [name, shown] of documented) {
      const fallback = defaultOf(name as SettingName);
      expect(shown, name).toBe(fallback === undefined ? 'unset' : String(fallback));
    }
  });
});
