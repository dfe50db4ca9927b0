import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Browser, type BrowserContext } from '@playwright/test';
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

/**
 * Console errors that are not the page's fault, and so do not fail a test. Each needs its reason.
 * (Empty today: an aborted prefetch or RSC request is a failed request, not a console error, in Chromium.)
 */
export const ALLOWED_CONSOLE_ERRORS: RegExp[] = [];

/** "Failed to load resource: …" for the page's own document: the test asked for a 404/503 page and checks it. */
const DOCUMENT_STATUS = /^Failed to load resource: the server responded with a status of \d{3}/;

/** Collects every console error and uncaught exception of a test's pages, in every context it opens. */
class ConsoleGuard {
  private readonly errors: { text: string; url: string }[] = [];
  private readonly failedDocuments = new Set<string>();

  watch(context: BrowserContext) {
    context.on('console', (message) => {
      if (message.type() === 'error') this.errors.push({ text: message.text(), url: message.location().url });
    });
    context.on('weberror', (error) => this.errors.push({ text: `uncaught: ${error.error().message}`, url: error.page()?.url() ?? '' }));
    context.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.status() >= 400) this.failedDocuments.add(response.url());
    });
  }

  unexpected(allowed: RegExp[]): string[] {
    return this.errors
      .filter((e) => !(DOCUMENT_STATUS.test(e.text) && this.failedDocuments.has(e.url)))
      .filter((e) => !allowed.some((pattern) => pattern.test(e.text)))
      .map((e) => `${e.text} (${e.url})`);
  }
}

interface TestFixtures {
  /**
   * Console errors this test provokes on purpose (a database that is down, …), on top of ALLOWED_CONSOLE_ERRORS. One
   * pattern: Playwright reads an array given to `test.use` as a [value, options] pair.
   */
  expectedConsoleErrors: RegExp | null;
  consoleGuard: ConsoleGuard;
}

/** The database the e2e server reads (set by playwright.config.ts). */
export const test = base.extend<TestFixtures, { db: pg.Pool }>({
  expectedConsoleErrors: [null, { option: true }],
  consoleGuard: [
    async ({ browser, context, expectedConsoleErrors }, use) => {
      const guard = new ConsoleGuard();
      guard.watch(context);
      // Contexts a test opens itself (another locale, time zone, no JavaScript) are watched too.
      const newContext = browser.newContext.bind(browser);
      const patched: Browser['newContext'] = async (options) => {
        const created = await newContext(options);
        guard.watch(created);
        return created;
      };
      browser.newContext = patched;
      await use(guard);
      browser.newContext = newContext;
      expect(guard.unexpected(expectedConsoleErrors ? [...ALLOWED_CONSOLE_ERRORS, expectedConsoleErrors] : ALLOWED_CONSOLE_ERRORS), 'console errors in the browser').toEqual([]);
    },
    { auto: true },
  ],
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
