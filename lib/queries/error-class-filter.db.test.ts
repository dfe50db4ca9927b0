import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cursor } from '../domain/cursor';
import { errorClass } from '../domain/error-class';
import { EMPTY_JOB_FILTER, type JobFilter } from '../domain/job-filter';
import { parseDbTime } from '../domain/time';
import { ROOT } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { listJobs } from './jobs';
import type { JobListRow } from '../read-models/jobs';

describe("error_class and finished_since on GoodJob's own database (goodjob-real.sql)", () => {
  const now = new Date();
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  const list = async (over: Partial<JobFilter>) => {
    const rows: JobListRow[] = [];
    let after: Cursor | null = null;
    do {
      const page = await listJobs(s.db, { ...EMPTY_JOB_FILTER, ...over }, { after, before: null }, now);
      if (page.kind !== 'page') throw new Error('timed out');
      rows.push(...page.rows);
      after = page.next;
    } while (after !== null);
    return rows.map((r) => r.id).sort();
  };

  it('error_class finds exactly the jobs whose error the parser assigns to that class', async () => {
    const all = await s.pool.query<{ id: string; error: string | null }>('SELECT id, error FROM good_jobs');
    const classes = [...new Set(all.rows.map((r) => errorClass(r.error)).filter((c): c is string => c !== null))];
    expect(classes.length).toBeGreaterThan(1);
    for (const cls of classes) {
      const expected = all.rows.filter((r) => errorClass(r.error) === cls).map((r) => r.id).sort();
      expect(await list({ errorClass: cls }), cls).toEqual(expected);
    }
  });

  it('finished_since keeps the jobs finished at or after the moment', async () => {
    const all = await s.pool.query<{ id: string; finished_at: string | null }>('SELECT id, finished_at FROM good_jobs WHERE finished_at IS NOT NULL ORDER BY finished_at');
    const middle = parseDbTime(all.rows[Math.floor(all.rows.length / 2)]!.finished_at)!;
    const expected = all.rows.filter((r) => parseDbTime(r.finished_at)!.getTime() >= middle.getTime()).map((r) => r.id).sort();
    expect(await list({ finishedSince: middle.toISOString() })).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.rows.length);
  });
});
