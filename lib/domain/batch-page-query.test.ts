import { describe, expect, it } from 'vitest';
import { parseBatchPageQuery } from './batch-page-query';
import { encodeCursor } from './cursor';

describe('parseBatchPageQuery', () => {
  it('reads the state tab, Inspect all and the page, and its links keep the same', () => {
    const after = encodeCursor({ at: '2026-05-01 10:00:00.123456', id: '0b3c1e9e-6a0e-4a39-9a43-2a4c5b8f7d10' });
    const q = parseBatchPageQuery({ state: 'discarded', inspect: 'all', after });
    expect(q.status).toBe('discarded');
    expect(q.inspect).toBe(true);
    expect(q.page.after).toEqual({ at: '2026-05-01 10:00:00.123456', id: '0b3c1e9e-6a0e-4a39-9a43-2a4c5b8f7d10' });
    expect(q.links).toEqual({ state: 'discarded', inspect: true, after, before: null });
  });

  it('takes anything malformed as the default: all states, collapsed, the first page', () => {
    const q = parseBatchPageQuery({ state: ['bogus', 'queued'], inspect: 'yes', after: 'not-a-cursor', before: '%00' });
    expect(q).toEqual({ page: { after: null, before: null }, status: null, inspect: false, links: { state: null, inspect: false, after: null, before: null } });
  });
});
