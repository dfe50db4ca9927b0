import { describe, expect, it } from 'vitest';
import { sharedRead } from './shared-read';

describe('sharedRead', () => {
  it('runs one read per key within the time to live, and again after it', async () => {
    let reads = 0;
    const read = async () => ++reads;
    const [a, b] = await Promise.all([sharedRead('k1', 1000, read, 0), sharedRead('k1', 1000, read, 10)]);
    expect([a, b, reads]).toEqual([1, 1, 1]);
    expect(await sharedRead('k1', 1000, read, 999)).toBe(1);
    expect(await sharedRead('k1', 1000, read, 1000)).toBe(2);
    expect(await sharedRead('k2', 1000, read, 1000)).toBe(3);
  });
  it('keeps no failed read', async () => {
    await expect(sharedRead('bad', 1000, () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    await Promise.resolve();
    expect(await sharedRead('bad', 1000, async () => 'ok', 1)).toBe('ok');
  });
  it('holds a bounded number of results', async () => {
    let reads = 0;
    for (let i = 0; i < 250; i += 1) await sharedRead(`many-${i}`, 60_000, async () => ++reads, 0);
    // The oldest were dropped: asking for the first again reads again.
    await sharedRead('many-0', 60_000, async () => ++reads, 1);
    expect(reads).toBe(251);
  });
});
