import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';

const LOCALES = ['en', 'ko', 'ja', 'ru'] as const;
type Tree = { [key: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(join(__dirname, `${locale}.json`), 'utf8')) as Tree;
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))),
  );

const en = flatten(load('en'));

describe.each(LOCALES)('messages/%s.json', (locale) => {
  const messages = flatten(load(locale));

  it('has exactly the keys of en.json', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
  });

  it('has every message non-empty and valid ICU', () => {
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), key).not.toBe('');
      expect(() => new IntlMessageFormat(text, locale), key).not.toThrow();
    }
  });

  if (locale !== 'en') {
    it('leaves nothing in English', () => {
      // Acronyms (UTC) and the product name read the same in every language.
      const sameAsEnglish = Object.entries(messages).filter(
        ([k, v]) => v === en[k] && /[a-z]{3}/i.test(v.replace(/\{[^}]*\}|GoodJob|\b(?:UTC|PID|JSON|ID|MB|Cron|CSV|NDJSON)\b/g, '')),
      );
      expect(sameAsEnglish).toEqual([]);
    });
  }
});

describe('required labels from the seed pages', () => {
  const required: Record<string, Record<string, string>> = {
    ko: { 'BatchPage.attributes': '속성', 'BatchPage.callbackJobs': '콜백 작업', 'BatchPage.batchedJobs': '배치된 작업', 'JobsTable.job': '작업', 'JobsTable.queue': '큐', 'JobsTable.priority': '우선순위', 'JobsTable.labels': '레이블', 'JobsTable.attempts': '시도 횟수' },
    ja: { 'BatchPage.attributes': '属性', 'BatchPage.callbackJobs': 'コールバックジョブ', 'BatchPage.batchedJobs': 'バッチ処理されたジョブ', 'JobsTable.job': 'ジョブ', 'JobsTable.queue': 'キュー', 'JobsTable.priority': '優先度', 'JobsTable.labels': 'ラベル', 'JobsTable.attempts': '試行回数' },
    ru: { 'BatchPage.attributes': 'Атрибуты', 'BatchPage.callbackJobs': 'Коллбеки', 'BatchPage.batchedJobs': 'Группы заданий', 'JobsTable.job': 'Задание', 'JobsTable.queue': 'Очередь исполнения', 'JobsTable.priority': 'Приоритет', 'JobsTable.labels': 'Метки', 'JobsTable.attempts': 'Попытки', 'JobStatus.succeeded': 'Успешно', 'JobStatus.discarded': 'Отменено' },
  };
  it.each(Object.entries(required))('%s uses the labels GoodJob shows', (locale, labels) => {
    const messages = flatten(load(locale));
    for (const [key, label] of Object.entries(labels)) expect(messages[key], key).toBe(label);
  });

  it('pluralizes Russian with one/few/many', () => {
    const ru = flatten(load('ru'));
    const fmt = (n: number) => new IntlMessageFormat(ru['JobsTable.attemptsWithErrors']!, 'ru').format({ count: n });
    expect([fmt(1), fmt(3), fmt(5), fmt(21)]).toEqual(['1 попытка, были ошибки', '3 попытки, были ошибки', '5 попыток, были ошибки', '21 попытка, были ошибки']);
  });
});
