import { describe, expect, it } from 'vitest';
import { authenticate, credentialsFrom, safeEqual } from './auth';

const basic = (s: string) => `Basic ${Buffer.from(s, 'utf8').toString('base64')}`;
const creds = { username: 'ops', password: 'pa:ss wörd' };

describe('authenticate', () => {
  it('accepts the right user and password (colons and UTF-8 in the password included)', () => {
    expect(authenticate(basic('ops:pa:ss wörd'), creds)).toBe('ops');
  });
  it.each([null, '', 'Bearer x', 'Basic !!!', basic('ops'), basic('ops:wrong'), basic('other:pa:ss wörd'), basic('ops:pa:ss wörd ')])('refuses %s', (h) => {
    expect(authenticate(h, creds)).toBeNull();
  });
});

describe('helpers', () => {
  it('compares strings fully', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
  it('turns sign-in on only with both variables', () => {
    expect(credentialsFrom({ DASHBOARD_USERNAME: 'a', DASHBOARD_PASSWORD: 'b' })).toEqual({ username: 'a', password: 'b' });
    expect(credentialsFrom({ DASHBOARD_USERNAME: 'a' })).toBeNull();
  });
});
