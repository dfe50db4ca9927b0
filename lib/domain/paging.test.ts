import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor';
import { finishPage, pageRequestFrom } from './paging';

const row = (n: number) => ({ at: `2026-01-01 00:00:${String(n).padStart(2, '0')}`, id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}` });
const cursorOf = (r: { at: string; id: string }) => r;

describe('finishPage', () => {
  it('first page: no newer page, an older one when more rows came back', () => {
    const page = finishPage([row(9), row(8), row(7)], { after: null, before: null }, 2, cursorOf);
    expect(page.rows).toEqual([row(9), row(8)]);
    expect(page.next).toEqual(row(8));
    expect(page.prev).toBeNull();
  });
  it('after a cursor: a newer page exists; the last page has no older one', () => {
    const page = finishPage([row(5)], { after: row(6), before: null }, 2, cursorOf);
    expect(page).toEqual({ rows: [row(5)], next: null, prev: row(5) });
  });
  it('before a cursor: rows come oldest first and are shown newest first', () => {
    const page = finishPage([row(3), row(4), row(5)], { after: null, before: row(2) }, 2, cursorOf);
    expect(page.rows).toEqual([row(4), row(3)]);
    expect(page.next).toEqual(row(3));
    expect(page.prev).toEqual(row(4));
  });
  it('before a cursor, reaching the newest rows: no newer page', () => {
    const page = finishPage([row(3)], { after: null, before: row(2) }, 2, cursorOf);
    expect(page.prev).toBeNull();
    expect(page.next).toEqual(row(3));
  });
});

describe('pageRequestFrom', () => {
  it('reads either cursor, ignoring bad ones', () => {
    const c = encodeCursor(row(1));
    expect(pageRequestFrom({ after: c })).toEqual({ after: row(1), before: null });
    expect(pageRequestFrom({ before: c })).toEqual({ after: null, before: row(1) });
    expect(pageRequestFrom({ before: 'garbage', after: ['x', 'y'] })).toEqual({ after: null, before: null });
  });
});

describe('firstParam', () => {
  it('takes the first value and drops NUL characters', async () => {
    const { firstParam } = await import('./url');
    expect(firstParam(['a\u0000b', 'c'])).toBe('ab');
    expect(firstParam(undefined)).toBeUndefined();
  });
});
