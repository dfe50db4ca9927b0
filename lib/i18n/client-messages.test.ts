import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientMessages } from './client-messages';

type Tree = Record<string, Record<string, unknown>>;
const load = (locale: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'messages', `${locale}.json`), 'utf8')) as Tree;

describe('clientMessages', () => {
  it('sends the browser the keys it names, every one present in every locale, and nothing else', () => {
    const sizes = ['en', 'ko', 'ja', 'ru'].map((locale) => {
      const all = load(locale);
      const picked = clientMessages(all as unknown as Parameters<typeof clientMessages>[0]) as unknown as Tree;
      expect(picked.ActionResult).toEqual({ dismiss: all.ActionResult!.dismiss });
      expect(picked.JobStatus).toEqual(all.JobStatus);
      expect(Object.keys(picked)).not.toContain('BatchPage');
      for (const [namespace, keys] of Object.entries(picked)) for (const key of Object.keys(keys)) expect(all[namespace]![key], `${locale} ${namespace}.${key}`).toBeDefined();
      return JSON.stringify(picked).length;
    });
    // Far less than the whole catalogue goes to every page.
    expect(Math.max(...sizes)).toBeLessThan(JSON.stringify(load('ru')).length / 4);
  });
});
