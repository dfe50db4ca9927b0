import { describe, expect, it } from 'vitest';
import { parseUuid } from './ids';

describe('parseUuid', () => {
  it('takes a hyphenated UUID in any case and gives it lower case', () => {
    expect(parseUuid('0B9E4C1A-1F2D-4C3B-9A8E-7D6C5B4A3F21')).toBe('0b9e4c1a-1f2d-4c3b-9a8e-7d6c5b4a3f21');
  });
  it('refuses a UUID inside other text, at either end, and anything that is not one', () => {
    const id = '0b9e4c1a-1f2d-4c3b-9a8e-7d6c5b4a3f21';
    for (const junk of [`x${id}`, `${id}x`, ` ${id}`, `${id}\n`, `${id}' OR '1'='1`, `../${id}`, id.replaceAll('-', ''), id.slice(1), '', null, 42, [id]]) {
      expect(parseUuid(junk), JSON.stringify(junk)).toBeNull();
    }
  });
});
