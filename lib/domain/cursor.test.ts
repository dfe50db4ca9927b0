import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';
import { parseUuid } from './ids';

describe('cursor', () => {
  it('round-trips', () => {
    const c = { at: '2026-03-06 20:06:00.334792', id: 'c1c8d1f6-480f-4612-b91a-533644080610' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });
  it.each([undefined, '', 'zzz', '!!!', 'a'.repeat(200), encodeCursor({ at: 'yesterday', id: 'c1c8d1f6-480f-4612-b91a-533644080610' }),
    encodeCursor({ at: '2026-03-06 20:06:00', id: 'nope' }), Buffer.from("2026-03-06 20:06:00|x|'; drop").toString('base64url')])(
    'rejects %s',
    (bad) => expect(decodeCursor(bad)).toBeNull(),
  );
  it.each(['2026-02-30 25:61:61', '2026-02-29 00:00:00', '2026-13-01 00:00:00', '2026-04-31 12:00:00', '2026-01-01 24:00:00', '2026-01-01 00:60:00', '0000-01-01 00:00:00'])(
    'ignores the impossible date %s like any garbage',
    (at) => expect(decodeCursor(encodeCursor({ at, id: 'c1c8d1f6-480f-4612-b91a-533644080610' }))).toBeNull(),
  );
  it('keeps real edge dates', () => {
    for (const at of ['2028-02-29 23:59:59.999999', '0001-01-01 00:00:00', '2026-12-31 23:59:59']) {
      expect(decodeCursor(encodeCursor({ at, id: 'c1c8d1f6-480f-4612-b91a-533644080610' }))?.at, at).toBe(at);
    }
  });
});

describe('parseUuid', () => {
  it('accepts any case and lowercases', () => {
    expect(parseUuid('C1C8D1F6-480F-4612-B91A-533644080610')).toBe('c1c8d1f6-480f-4612-b91a-533644080610');
  });
  it.each(['', 'x', '../etc', 'c1c8d1f6480f4612b91a533644080610x', "c1c8d1f6-480f-4612-b91a-53364408061'", 42, null])('rejects %s', (bad) => {
    expect(parseUuid(bad)).toBeNull();
  });
});
