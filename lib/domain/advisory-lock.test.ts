import { describe, expect, it } from 'vitest';
import { advisoryLockBigintSql, parseHashFunction } from './advisory-lock';
import { activeJobTime, jsonTime } from './time';

describe('advisory lock keys', () => {
  it("hashes like GoodJob's default", () => {
    expect(advisoryLockBigintSql('$1', 'md5')).toBe("('x' || substr(md5($1), 1, 16))::bit(64)::bigint");
    expect(advisoryLockBigintSql('$1', 'hashtext')).toBe('hashtext(($1)::text)::bigint');
    expect(advisoryLockBigintSql('$1', 'sha256')).toContain("digest(($1)::text, 'sha256')");
  });
  it('accepts only known hash functions', () => {
    expect(parseHashFunction(undefined)).toBe('md5');
    expect(parseHashFunction(' SHA256 ')).toBe('sha256');
    expect(() => parseHashFunction("md5'); DROP TABLE good_jobs; --")).toThrow(/must be one of/);
  });
});

describe('ActiveJob times', () => {
  it('writes enqueued_at with nanoseconds, padding the fraction PostgreSQL trims', () => {
    expect(activeJobTime('2026-11-22 12:10:39.67818')).toBe('2026-11-22T12:10:39.678180000Z');
    expect(activeJobTime('2026-11-22 12:10:39')).toBe('2026-11-22T12:10:39.000000000Z');
  });
  it('writes NOTIFY times in milliseconds', () => {
    expect(jsonTime('2026-11-22 12:10:39.678189')).toBe('2026-11-22T12:10:39.678Z');
    expect(jsonTime('2026-11-22 12:10:39.6')).toBe('2026-11-22T12:10:39.600Z');
  });
});
