import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import pg from 'pg';

pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value: string) => value);

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LOCALES = ['en', 'ko', 'ja', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

type Messages = Record<string, Record<string, string>>;
const messageCache = new Map<string, Messages>();
/** The app's own messages, so that the specs check the text a user of that locale reads. */
export function messages(locale: Locale): Messages {
  if (!messageCache.has(locale)) messageCache.set(locale, JSON.parse(readFileSync(join(ROOT, `messages/${locale}.json`), 'utf8')) as Messages);
  return messageCache.get(locale)!;
}

/** The database the e2e server reads (set by playwright.config.ts). */
export const test = base.extend<object, { db: pg.Pool }>({
  db: [
    async ({}, use) => {
      const pool = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 3 });
      await use(pool);
      await pool.end();
    },
    { scope: 'worker' },
  ],
});

export { expect };
