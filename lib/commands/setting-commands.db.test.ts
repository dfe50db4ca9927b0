import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { disableCronKey, enableCronKey, pause, unpause } from './setting-commands';

describe("settings writes, as GoodJob::Setting leaves them (goodjob-real.sql's pauses row)", () => {
  const value = async (key: string) => (await s.pool.query('SELECT value FROM good_job_settings WHERE key = $1', [key])).rows[0]?.value;
  const row = async (key: string) => (await s.pool.query('SELECT created_at, updated_at FROM good_job_settings WHERE key = $1', [key])).rows[0];

  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });
  beforeEach(async () => {
    // GoodJob's own row, as its Pauses page left it: the backlog queue paused.
    await s.pool.query(`DELETE FROM good_job_settings WHERE key <> 'pauses'`);
    await s.pool.query(`UPDATE good_job_settings SET value = '{"labels": [], "queues": ["backlog"], "job_classes": []}' WHERE key = 'pauses'`);
  });

  it('pause appends to its list once and keeps the others; resume removes it and keeps the empty list', async () => {
    expect(await pause(s.db, 'label', 'frozen')).toBe('done');
    expect(await pause(s.db, 'label', 'frozen')).toBe('done');
    expect(await pause(s.db, 'job_class', 'OtherJob')).toBe('done');
    expect(await value('pauses')).toEqual({ labels: ['frozen'], queues: ['backlog'], job_classes: ['OtherJob'] });
    expect(await unpause(s.db, 'queue', 'backlog')).toBe('done');
    expect(await unpause(s.db, 'queue', 'not-paused')).toBe('done');
    expect(await value('pauses')).toEqual({ labels: ['frozen'], queues: [], job_classes: ['OtherJob'] });
  });

  it('a first pause creates the row with all three lists; resuming with no row creates none', async () => {
    await s.pool.query(`DELETE FROM good_job_settings`);
    expect(await unpause(s.db, 'queue', 'q')).toBe('done');
    expect(await value('pauses')).toBeUndefined();
    expect(await pause(s.db, 'queue', 'paused_q')).toBe('done');
    expect(await value('pauses')).toEqual({ queues: ['paused_q'], job_classes: [], labels: [] });
    const created = await row('pauses');
    expect(created.created_at).toEqual(created.updated_at);
  });

  it('enable and disable write both cron lists as GoodJob does, creating only the list they add to', async () => {
    expect(await disableCronKey(s.db, 'anchor_cron_success')).toBe('done');
    expect(await value('cron_keys_disabled')).toEqual(['anchor_cron_success']);
    expect(await value('cron_keys_enabled')).toBeUndefined();
    expect(await enableCronKey(s.db, 'anchor_cron_success')).toBe('done');
    expect(await value('cron_keys_enabled')).toEqual(['anchor_cron_success']);
    expect(await value('cron_keys_disabled')).toEqual([]);
    expect(await enableCronKey(s.db, 'anchor_cron_success')).toBe('done');
    expect(await value('cron_keys_enabled')).toEqual(['anchor_cron_success']);
    expect(await disableCronKey(s.db, 'anchor_cron_success')).toBe('done');
    expect(await value('cron_keys_enabled')).toEqual([]);
    expect(await value('cron_keys_disabled')).toEqual(['anchor_cron_success']);
  });

  it('twenty writers at once, two dashboards’ worth, lose nothing', async () => {
    await s.pool.query(`DELETE FROM good_job_settings`);
    const names = Array.from({ length: 10 }, (_, i) => `q${i}`);
    const keys = Array.from({ length: 10 }, (_, i) => `cron_${i}`);
    const outcomes = await Promise.all([...names.map((n) => pause(s.db, 'queue', n)), ...keys.map((k) => disableCronKey(s.db, k))]);
    expect(outcomes.every((o) => o === 'done')).toBe(true);
    expect(((await value('pauses')).queues as string[]).sort()).toEqual(names.sort());
    expect((await value('cron_keys_disabled')).sort()).toEqual(keys.sort());
  });

  it('leaves a value of a shape GoodJob never writes alone, and says so', async () => {
    await s.pool.query(`UPDATE good_job_settings SET value = '"corrupt"' WHERE key = 'pauses'`);
    expect(await pause(s.db, 'queue', 'q')).toBe('wrong_state');
    expect(await value('pauses')).toBe('corrupt');
    await s.pool.query(`INSERT INTO good_job_settings (created_at, updated_at, key, value) VALUES (now(), now(), 'cron_keys_disabled', '{"x": 1}')`);
    expect(await enableCronKey(s.db, 'k')).toBe('wrong_state');
    // All or nothing: the enabled list was not created either.
    expect(await value('cron_keys_enabled')).toBeUndefined();
  });
});
