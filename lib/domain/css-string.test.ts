import { describe, expect, it } from 'vitest';
import { cssString } from './css-string';

describe('cssString', () => {
  it('quotes a label', () => {
    expect(cssString('Очередь')).toBe('"Очередь"');
  });
  it('escapes what would end the string or the declaration', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('one\ntwo')).toBe('"one\\A two"');
  });
});
