// Every setting the dashboard reads from its environment, in one place: each variable's type, what it accepts and its
// default, as the README's Configuration table says (lib/env.test.ts checks that the two name the same variables with
// the same defaults). The server checks them all before it listens (configProblems, through instrumentation.ts and
// scripts/server/serve.mjs) and stops naming every bad one; everything else reads a setting through setting(name),
// never process.env. Parsing is zod's; what a problem says is ours (the variable, its value, what is accepted).
import { z } from 'zod';
import { parseCallbackQueues } from './domain/callback-queues';
import { HASH_FUNCTIONS } from './domain/advisory-lock';

/** A blank value is no value: `FOO=` in a compose file means "unset", as it does to the shell. */
const blankIsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

function integer(fallback: number, min: number, max: number) {
  const schema = z
    .string()
    .trim()
    .regex(/^\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
  return { schema: schema.optional().default(fallback), accepts: `a whole number from ${min} to ${max}`, fallback };
}

/** On/off: `1`, `true`, `yes` or `0`, `false`, `no` (any case); anything else is a typo, not "off". */
const flag = () => ({
  schema: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off']))
    .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))
    .optional()
    .default(false),
  accepts: '1, true, yes or on; 0, false, no or off',
  fallback: undefined,
});

const text = (accepts = 'any text') => ({ schema: z.string().optional(), accepts, fallback: undefined });

const postgresUrl = () => ({
  schema: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S*$/)
    .optional(),
  accepts: 'a PostgreSQL URL: postgres://user:password@host:5432/database',
  fallback: undefined,
});

const IPV6 = /^[0-9a-f:.]*:[0-9a-f:.]*$/i;
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
/** PostgreSQL's lock_timeout syntax (a number, then us, ms, s, min, h or d; milliseconds without a unit), above 0. */
const PG_DURATION = /^(?!0+(\.0+)?\s*[a-z]*$)\d+(\.\d+)?\s*(us|ms|s|min|h|d)?$/;

/** name → its parser, what it accepts (said when it is bad) and its default (the README's "Default" column). */
const SETTINGS = {
  DATABASE_URL: postgresUrl(),
  PORT: integer(3000, 0, 65535),
  HOSTNAME: { schema: z.string().trim().default('127.0.0.1'), accepts: 'an address or host name to listen on', fallback: '127.0.0.1' },
  DASHBOARD_USERNAME: text('a user name'),
  DASHBOARD_PASSWORD: text('a password'),
  DASHBOARD_AUTH: { schema: z.string().trim().toLowerCase().pipe(z.enum(['none'])).optional(), accepts: 'none (or unset)', fallback: undefined },
  DASHBOARD_ALLOWED_HOSTS: {
    schema: z
      .string()
      .transform((v) => v.split(/[\s,]+/).map((h) => h.replace(/^\[|\]$/g, '')).filter(Boolean))
      .pipe(z.array(z.string().refine((h) => HOST_NAME.test(h) || IPV6.test(h))))
      .optional(),
    accepts: 'host names separated by commas or spaces, without scheme or port: jobs.example.com, ops.example.com',
    fallback: undefined,
  },
  DASHBOARD_TRUST_PROXY: flag(),
  BASE_PATH: { schema: z.string().trim().regex(/^(\/[A-Za-z0-9._~-]+)+\/*$/).optional(), accepts: 'a path such as /good_job', fallback: undefined },
  DATABASE_POOL_SIZE: integer(10, 1, 1000),
  DATABASE_REPLICA_URL: postgresUrl(),
  DATABASE_REPLICA_STICKY_SECONDS: integer(60, 0, 86_400),
  DATABASE_REPLICA_LAG_WARN_SECONDS: integer(30, 1, 86_400),
  DASHBOARD_METRICS_TOKEN: text('a token'),
  DASHBOARD_INSTANCE: text('a name for this process'),
  NEXT_OUTPUT: { schema: z.string().trim().pipe(z.enum(['standalone'])).optional(), accepts: 'standalone (or unset)', fallback: undefined },
  DATABASE_CONNECT_TIMEOUT_MS: integer(2000, 1, 600_000),
  DATABASE_STATEMENT_TIMEOUT_MS: integer(5000, 1, 3_600_000),
  DASHBOARD_PAGE_DEADLINE_MS: integer(8000, 1, 600_000),
  DASHBOARD_MAX_CONCURRENCY: integer(8, 1, 1024),
  DASHBOARD_MAX_QUEUE: integer(64, 0, 100_000),
  DASHBOARD_QUEUE_WAIT_MS: integer(3000, 1, 600_000),
  DASHBOARD_HEADERS_TIMEOUT_MS: integer(10_000, 1000, 600_000),
  DASHBOARD_BODY_TIMEOUT_MS: integer(10_000, 1000, 600_000),
  DASHBOARD_IDLE_TIMEOUT_MS: integer(30_000, 1000, 3_600_000),
  DASHBOARD_KEEP_ALIVE_TIMEOUT_MS: integer(5000, 1000, 600_000),
  DASHBOARD_MAX_EXPORTS: integer(4, 1, 1024),
  DASHBOARD_READ_ONLY: flag(),
  GOOD_JOB_ADVISORY_LOCK_HASH: {
    schema: z.string().trim().toLowerCase().pipe(z.enum(HASH_FUNCTIONS)).optional().default('md5'),
    accepts: HASH_FUNCTIONS.join(', '),
    fallback: 'md5',
  },
  DASHBOARD_BATCH_LOCK_TIMEOUT: {
    schema: z.string().trim().regex(PG_DURATION).optional().default('3s'),
    accepts: 'a PostgreSQL duration above 0: 3s, 500ms, 1min (a bare number is milliseconds)',
    fallback: '3s',
  },
  DASHBOARD_SEARCH_TIMEOUT_MS: integer(3000, 1, 600_000),
  GOOD_JOB_GLOBALID_APP: { schema: z.string().trim().regex(/^[a-z0-9][a-z0-9-]*$/i).optional(), accepts: 'a GlobalID app name: letters, digits and dashes', fallback: undefined },
  GOOD_JOB_CALLBACK_QUEUES: {
    schema: z
      .string()
      .refine((v) => parseCallbackQueues(v).ok)
      .optional(),
    accepts: 'Class=queue or Class=queue:priority, separated by commas: BatchCallbackJob=batch_callbacks, Billing::DoneJob=billing:10',
    fallback: undefined,
  },
  // GoodJob's own variable, read as GoodJob reads it (ActiveModel's boolean cast: 0, f, false, off are false, anything
  // else true); unset says "unknown" (lib/config.ts pausesMode).
  GOOD_JOB_ENABLE_PAUSES: text('true or false'),
  DASHBOARD_HEAP_MB: integer(256, 0, 1_048_576),
  // Not in the README's table: the benchmark's and the build's own.
  DASHBOARD_CAPTURE_SQL: text('a file path'),
  NEXT_DIST_DIR: { schema: z.string().trim().regex(/^[A-Za-z0-9._-]+$/).optional().default('.next'), accepts: 'a folder name such as .next', fallback: '.next' },
} as const;

type Settings = typeof SETTINGS;
export type SettingName = keyof Settings;
export type SettingValue<N extends SettingName> = z.output<Settings[N]['schema']>;
export type Source = Record<string, string | undefined>;

/** Variables only the benchmark and the build read (documented beside them, not in the Configuration table). */
export const UNDOCUMENTED: readonly SettingName[] = ['DASHBOARD_CAPTURE_SQL', 'NEXT_DIST_DIR'];
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];
export const defaultOf = (name: SettingName): string | number | undefined => SETTINGS[name].fallback;

type Parsed<N extends SettingName> = { ok: true; value: SettingValue<N> } | { ok: false; problem: string };

function parseOne<N extends SettingName>(name: N, raw: string | undefined): Parsed<N> {
  const entry = SETTINGS[name];
  const result = (entry.schema as z.ZodType).safeParse(blankIsUnset(raw));
  if (result.success) return { ok: true, value: result.data as SettingValue<N> };
  const fallback = entry.fallback === undefined ? '' : `; default ${entry.fallback}`;
  return { ok: false, problem: `${name}=${JSON.stringify(raw)}: expected ${entry.accepts}${fallback}` };
}

/** Every variable that is not what it accepts, each with its value and what is accepted; [] when all are fine. */
export function configProblems(source: Source = process.env): string[] {
  const problems: string[] = [];
  for (const name of SETTING_NAMES) {
    const parsed = parseOne(name, source[name]);
    if (!parsed.ok) problems.push(parsed.problem);
  }
  const signIn = [source.DASHBOARD_USERNAME, source.DASHBOARD_PASSWORD].filter((v) => blankIsUnset(v) !== undefined).length;
  if (signIn === 1) problems.push('DASHBOARD_USERNAME and DASHBOARD_PASSWORD: set both to turn sign-in on, or neither');
  return problems;
}

/** A setting that is not valid where it is read: only under `next dev` or a test (the server checked them all at start). */
export class ConfigError extends Error {}

const memo = new Map<SettingName, { raw: string | undefined; parsed: Parsed<SettingName> }>();

/** The setting's parsed value (its default when unset). Re-read when the variable changes (the tests set some). */
export function setting<N extends SettingName>(name: N): SettingValue<N> {
  const raw = process.env[name];
  let hit = memo.get(name);
  if (!hit || hit.raw !== raw) {
    hit = { raw, parsed: parseOne(name, raw) };
    memo.set(name, hit);
  }
  if (!hit.parsed.ok) throw new ConfigError(hit.parsed.problem);
  return hit.parsed.value as SettingValue<N>;
}

/** The sign-in, Host and proxy settings the gate reads (lib/edge/gate.ts), as text. */
export function gateSettings() {
  return {
    DASHBOARD_USERNAME: setting('DASHBOARD_USERNAME'),
    DASHBOARD_PASSWORD: setting('DASHBOARD_PASSWORD'),
    DASHBOARD_AUTH: setting('DASHBOARD_AUTH'),
    DASHBOARD_ALLOWED_HOSTS: setting('DASHBOARD_ALLOWED_HOSTS')?.join(','),
    DASHBOARD_TRUST_PROXY: setting('DASHBOARD_TRUST_PROXY') ? '1' : undefined,
    DASHBOARD_METRICS_TOKEN: setting('DASHBOARD_METRICS_TOKEN'),
  };
}

/** What the production server (scripts/server/serve.mjs) needs before it listens: its own bounds, all checked. */
export function serverSettings() {
  return {
    DASHBOARD_MAX_CONCURRENCY: setting('DASHBOARD_MAX_CONCURRENCY'),
    DASHBOARD_MAX_QUEUE: setting('DASHBOARD_MAX_QUEUE'),
    DASHBOARD_QUEUE_WAIT_MS: setting('DASHBOARD_QUEUE_WAIT_MS'),
    DASHBOARD_HEADERS_TIMEOUT_MS: setting('DASHBOARD_HEADERS_TIMEOUT_MS'),
    DASHBOARD_BODY_TIMEOUT_MS: setting('DASHBOARD_BODY_TIMEOUT_MS'),
    DASHBOARD_IDLE_TIMEOUT_MS: setting('DASHBOARD_IDLE_TIMEOUT_MS'),
    DASHBOARD_KEEP_ALIVE_TIMEOUT_MS: setting('DASHBOARD_KEEP_ALIVE_TIMEOUT_MS'),
    DASHBOARD_TRUST_PROXY: setting('DASHBOARD_TRUST_PROXY'),
    DASHBOARD_INSTANCE: setting('DASHBOARD_INSTANCE'),
    DATABASE_URL: setting('DATABASE_URL'),
  };
}
