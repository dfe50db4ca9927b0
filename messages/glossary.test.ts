import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/glossary.md is the contract for wording: one term per idea and language, and words to avoid.
const LOCALES = ['en', 'ko', 'ja', 'ru'] as const;
type Tree = { [key: string]: string | Tree };
const messages = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(readFileSync(join(__dirname, `${l}.json`), 'utf8')) as Tree])) as Record<(typeof LOCALES)[number], Tree>;
const glossary = readFileSync(join(__dirname, '..', 'docs', 'glossary.md'), 'utf8');

/** The body rows of the markdown table under a heading, as trimmed cells. */
function tableRows(heading: string): string[][] {
  const section = glossary.split(`## ${heading}\n`)[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const message = (locale: (typeof LOCALES)[number], key: string) => {
  const [namespace, name] = key.split('.') as [string, string];
  const value = (messages[locale][namespace] as Tree | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
};
const allMessages = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : allMessages(v)));

describe('docs/glossary.md', () => {
  const terms = tableRows('Terms');
  const avoid = tableRows('Avoid');

  it('lists the terms and the words to avoid', () => {
    expect(terms.length).toBeGreaterThan(15);
    expect(avoid.length).toBeGreaterThan(5);
  });

  it.each(LOCALES)('every message it names uses its term (%s)', (locale) => {
    const column = LOCALES.indexOf(locale) + 1;
    const wrong: string[] = [];
    for (const row of terms) {
      const term = row[column]!.toLowerCase();
      for (const key of row[5]!.split(',').map((k) => k.trim())) {
        const text = message(locale, key);
        if (text === undefined || !text.toLowerCase().includes(term)) wrong.push(`${key}: ${JSON.stringify(text)} lacks "${term}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(LOCALES)('no message uses a word it says to avoid (%s)', (locale) => {
    const words = avoid.filter(([l]) => l === locale).map(([, word]) => word!.toLowerCase());
    const texts = allMessages(messages[locale]);
    const found = words.flatMap((word) => texts.filter((text) => text.toLowerCase().includes(word)).map((text) => `${word} in ${JSON.stringify(text)}`));
    expect(found).toEqual([]);
  });
});
