import { describe, expect, it } from 'vitest';
import { nameFromPath } from './url';

describe('a name from a path segment', () => {
  it('decodes what our links encode', () => {
    expect(nameFromPath('ExampleJob%3A%3ADeadJob')).toBe('ExampleJob::DeadJob');
    expect(nameFromPath(encodeURIComponent('cron key/with ü'))).toBe('cron key/with ü');
  });

  it('names nothing for a malformed encoding, an empty or over-long name, or a NUL', () => {
    expect(nameFromPath('%E0%A4%A')).toBeNull();
    expect(nameFromPath('')).toBeNull();
    expect(nameFromPath('a'.repeat(1025))).toBeNull();
    expect(nameFromPath('a'.repeat(1024))).toBe('a'.repeat(1024));
    expect(nameFromPath('Job%00Class')).toBeNull();
  });
});
