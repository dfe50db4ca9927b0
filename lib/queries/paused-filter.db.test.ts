import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_JOB_FILTER } from '../domain/job-filter';
import { jobStatus } from '../domain/job-state';
import { pauseReason, readPauses } from '../domain/settings';
import type { Cursor } from '../domain/cursor';
import { ROOT } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { insertJob } from '../testing/factories';
import { listJobs } from './jobs';
import type { JobListRow } from '../read-models/jobs';
import { readPausesSetting } from './settings';

describe("the paused filter on GoodJob's own database (its pauses row holds the backlog queue)", () => {
  const now = new Date();
  const s = scratchDbForSuite({ dump: join(ROOT, 'e2e/fixtures/goodjob-real.sql') });

  const list = async (paused: boolean) => {
    const rows: JobListRow[] = [];
    let after: Cursor | null = null;
    do {
      const page = await listJobs(s.db, { ...EMPTY_JOB_FILTER, paused: paused ? true : null }, { after, before: null }, now);
      if (page.kind !== 'page') throw new Error('timed out');
      rows.push(...page.rows);
      after = page.next;
    } while (after !== null);
    return rows;
  };

  it('lists exactly the waiting jobs the pause rule (pauseReason) marks, queue, class and label alike', async () => {
    const frozen = await insertJob(s.pool, 'queued', { queue_name: 'free', labels: ['x', 'frozen'] });
    const other = await insertJob(s.pool, 'scheduled', { queue_name: 'free', job_class: 'OtherJob' });
    const running = await insertJob(s.pool, 'running', { queue_name: 'paused_q' });
    const nullLabels = await insertJob(s.pool, 'queued', { queue_name: 'free', labels: null });
    await s.pool.query(`UPDATE good_job_settings SET value = '{"labels": ["frozen"], "queues": ["backlog", "paused_q"], "job_classes": ["OtherJob"]}' WHERE key = 'pauses'`);
    const pauses = await readPausesSetting(s.db);
    expect(pauses).toEqual(readPauses({ labels: ['frozen'], queues: ['backlog', 'paused_q'], job_classes: ['OtherJob'] }));
    const everything = await list(false);
    const waiting = (j: JobListRow) => ['queued', 'scheduled', 'retried'].includes(jobStatus(j, now));
    const expected = everything.filter((j) => waiting(j) && pauseReason(j, pauses) !== null).map((j) => j.id).sort();
    const paused = (await list(true)).map((j) => j.id).sort();
    expect(paused).toEqual(expected);
    expect(paused).toEqual(expect.arrayContaining([frozen, other]));
    expect(paused).not.toContain(running);
    expect(paused).not.toContain(nullLabels);
    // GoodJob's fixture: three backlog jobs wait.
    expect(everything.filter((j) => j.queue_name === 'backlog' && waiting(j)).every((j) => paused.includes(j.id))).toBe(true);
  });

  it('finds nothing when there is no pauses row, or when it is not GoodJob’s shape', async () => {
    await s.pool.query(`UPDATE good_job_settings SET value = '{"queues": "backlog"}' WHERE key = 'pauses'`);
    expect(await list(true)).toEqual([]);
    await s.pool.query(`DELETE FROM good_job_settings`);
    expect(await list(true)).toEqual([]);
    expect(await readPausesSetting(s.db)).toEqual({ queues: [], job_classes: [], labels: [] });
  });
});
