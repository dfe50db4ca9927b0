import { afterAll, beforeAll } from 'vitest';
import { createScratchDb, type ScratchDb } from './scratch-db';

/**
 * A scratch database for one `describe` block: made before its first test, dropped after its last. Its fields are read
 * when a test runs (reading one before then throws), so `const s = scratchDbForSuite()` stands where the block's
 * `let s`, `beforeAll` and `afterAll` stood.
 */
export function scratchDbForSuite(opts: Parameters<typeof createScratchDb>[0] = {}): ScratchDb {
  let made: ScratchDb | undefined;
  beforeAll(async () => {
    made = await createScratchDb(opts);
  });
  afterAll(() => made?.drop());
  const current = (): ScratchDb => {
    if (!made) throw new Error('The scratch database is made before the first test of its block: read it inside a test.');
    return made;
  };
  return {
    get name() { return current().name; },
    get url() { return current().url; },
    get pool() { return current().pool; },
    get db() { return current().db; },
    exec: (statement) => current().exec(statement),
    drop: () => current().drop(),
  };
}
