import { describe, expect, it } from 'vitest';
import { chooseReadSource, parseLsn, replayedPast } from './read-source';

describe('parseLsn', () => {
  it('reads PostgreSQL pg_lsn text as one number, high word first', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!).toBe(true);
  });
  it('refuses what is not a WAL position', () => {
    for (const bad of [null, undefined, '', '16', '16/', '/1', 'G/1', '1/2/3', '123456789/0', ' 0/1']) expect(parseLsn(bad)).toBeNull();
  });
});

describe('replayedPast', () => {
  it('compares numerically, not as text', () => {
    expect(replayedPast('0/A0000000', '0/9FFFFFFF')).toBe(true);
    expect(replayedPast('0/9FFFFFFF', '0/A0000000')).toBe(false);
    expect(replayedPast('1/0', '0/FFFFFFFF')).toBe(true);
    expect(replayedPast('0/3000060', '0/3000060')).toBe(true);
  });
  it('counts no write (or a cookie that is not a WAL position) as replayed', () => {
    expect(replayedPast('0/1', null)).toBe(true);
    expect(replayedPast('0/1', 'garbage')).toBe(true);
  });
});

describe('chooseReadSource', () => {
  const caughtUp = { ok: true as const, replayLsn: '0/5000000', lagSeconds: 0 };
  it('reads the primary when no replica is configured', () => {
    expect(chooseReadSource({ replica: null, primaryOk: true, writtenLsn: '0/1' })).toEqual({ source: 'primary', reason: 'no_replica', lagSeconds: null });
  });
  it('reads the replica once it has replayed past this browser’s last write, and reports its lag', () => {
    expect(chooseReadSource({ replica: { ...caughtUp, lagSeconds: 42 }, primaryOk: true, writtenLsn: '0/4FFFFFF' })).toEqual({ source: 'replica', reason: 'replica', lagSeconds: 42 });
    expect(chooseReadSource({ replica: caughtUp, primaryOk: true, writtenLsn: null }).source).toBe('replica');
  });
  it('reads the primary until the replica has replayed the write', () => {
    expect(chooseReadSource({ replica: caughtUp, primaryOk: true, writtenLsn: '0/5000001' })).toEqual({ source: 'primary', reason: 'catching_up', lagSeconds: 0 });
  });
  it('falls back to the primary when the replica is down, and to the replica when the primary is', () => {
    expect(chooseReadSource({ replica: { ok: false }, primaryOk: true, writtenLsn: null })).toEqual({ source: 'primary', reason: 'replica_down', lagSeconds: null });
    expect(chooseReadSource({ replica: caughtUp, primaryOk: false, writtenLsn: '0/6000000' })).toEqual({ source: 'replica', reason: 'primary_down', lagSeconds: 0 });
  });
});
