import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDb, type ScratchDb } from '../testing/scratch-db';
import { CALLBACK_CHOICES_TTL_MS, callbackChoices, callbackChoicesRefreshing } from './callback-choices';

describe('the batches filter’s callback choices, read at most once a minute', () => {
  let s: ScratchDb;
  const addBatch = (callback: string) =>
    s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, on_finish) VALUES (gen_random_uuid(), now(), now(), '${callback}')`);
  beforeAll(async () => {
    s = await createScratchDb();
    await addBatch('FirstCallbackJob');
  });
  afterAll(() => s?.drop());

  it('reuses what it read within the minute, then serves it once more while it reads again in the background', async () => {
    const t0 = 1_000_000;
    expect(await callbackChoices(s.db, t0)).toEqual(['FirstCallbackJob']);
    await addBatch('SecondCallbackJob');
    expect(await callbackChoices(s.db, t0 + 1_000)).toEqual(['FirstCallbackJob']);
    expect(callbackChoicesRefreshing()).toBeNull();
    // Stale: the page is answered with the old list at once, and the read starts behind it.
    expect(await callbackChoices(s.db, t0 + CALLBACK_CHOICES_TTL_MS + 1)).toEqual(['FirstCallbackJob']);
    expect(await callbackChoicesRefreshing()).toEqual(['FirstCallbackJob', 'SecondCallbackJob']);
    expect(await callbackChoices(s.db, t0 + CALLBACK_CHOICES_TTL_MS + 2)).toEqual(['FirstCallbackJob', 'SecondCallbackJob']);
  });
});
