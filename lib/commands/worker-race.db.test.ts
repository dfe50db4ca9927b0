import { describe, expect, it } from 'vitest';
import { type ScratchDb } from '../testing/scratch-db';
import { scratchDbForSuite } from '../testing/scratch-suite';
import { seededRandom, TestWorker } from '../testing/worker';
import { retryBatch } from './batch-commands';
import { destroyJob, discardJob, rescheduleJob, retryJob, type CommandOutcome } from './job-commands';

const JOBS = 150;
const ACTION_BURSTS = 120;

describe('dashboard actions beside workers running the same jobs', () => {
  const s = scratchDbForSuite({ schema: 'current' });

  it('loses no job, never changes a job a worker holds, and keeps executions consistent', async () => {
    const random = seededRandom(20261122);
    await s.exec(`INSERT INTO good_job_batches (id, created_at, updated_at, enqueued_at)
      SELECT ('00000000-0000-4000-8000-00000000000' || i)::uuid, now(), now(), now() FROM generate_series(1, 3) AS i`);
    const { rows: created } = await s.pool.query<{ id: string }>(
      `INSERT INTO good_jobs (id, active_job_id, queue_name, priority, serialized_params, created_at, updated_at, scheduled_at, batch_id, job_class, executions_count)
       SELECT id, id, 'race', 0, jsonb_build_object('job_id', id, 'executions', 0, 'arguments', jsonb_build_array(i)), now(), now(),
              now() AT TIME ZONE 'UTC' - interval '1 second', ('00000000-0000-4000-8000-00000000000' || (1 + i % 3))::uuid, 'RaceJob', 0
       FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, ${JOBS}) AS i) AS t RETURNING id`,
    );
    const ids = created.map((r) => r.id);
    const workers = [new TestWorker(s.url, seededRandom(1)), new TestWorker(s.url, seededRandom(2))];
    for (const w of workers) await w.start();

    let running = true;
    const workerLoops = workers.map(async (w) => {
      let idle = 0;
      while (running || idle < 3) {
        const worked = await w.workOnce();
        idle = worked ? 0 : idle + 1;
        if (!worked) await new Promise((r) => setTimeout(r, 15));
        if (!running && idle >= 3) break;
      }
    });

    const destroyed = new Set<string>();
    const outcomes: Record<string, number> = {};
    const commands: Array<[string, (db: ScratchDb['db'], id: string) => Promise<CommandOutcome>]> = [
      ['retry', retryJob],
      ['discard', discardJob],
      ['reschedule', rescheduleJob],
      ['destroy', destroyJob],
    ];
    for (let burst = 0; burst < ACTION_BURSTS; burst += 1) {
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const id = ids[Math.floor(random() * ids.length)]!;
          const roll = random();
          const [name, command] = commands[roll < 0.4 ? 0 : roll < 0.7 ? 1 : roll < 0.95 ? 2 : 3]!;
          const outcome = await command(s.db, id);
          outcomes[`${name}:${outcome}`] = (outcomes[`${name}:${outcome}`] ?? 0) + 1;
          if (name === 'destroy' && outcome === 'done') destroyed.add(id);
        }),
      );
      if (burst % 20 === 0) outcomes[`retryBatch:${(await retryBatch(s.db, '00000000-0000-4000-8000-000000000001')).outcome}`] = 1;
    }
    running = false;
    await Promise.all(workerLoops);
    for (const w of workers) await w.stop();

    const performed = workers.reduce((n, w) => n + w.stats.performed, 0);
    const violations = workers.reduce((n, w) => n + w.stats.violations, 0);
    const { rows: remaining } = await s.pool.query<{ id: string }>('SELECT id FROM good_jobs WHERE id = ANY($1)', [ids]);
    const lost = ids.filter((id) => !destroyed.has(id) && !remaining.some((r) => r.id === id));
    const { rows: [inconsistent] } = await s.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs
      WHERE (finished_at IS NULL AND error_event IN (4, 5)) OR (finished_at IS NOT NULL AND error_event = 3) OR (finished_at IS NOT NULL AND locked_by_id IS NOT NULL)`);
    const { rows: [mismatched] } = await s.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM good_jobs j
      WHERE COALESCE(j.executions_count, 0) <> (SELECT count(*) FROM good_job_executions e WHERE e.active_job_id = j.active_job_id)`);
    const { rows: [orphans] } = await s.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM good_job_executions e
      WHERE NOT EXISTS (SELECT 1 FROM good_jobs j WHERE j.active_job_id = e.active_job_id)`);
    console.log(JSON.stringify({ performed, actions: outcomes, destroyed: destroyed.size, violations, lost: lost.length, inconsistent: inconsistent!.n, mismatched: mismatched!.n, orphans: orphans!.n }));

    expect(performed).toBeGreaterThan(JOBS / 2);
    expect(Object.keys(outcomes).some((k) => k.endsWith(':locked') || k.endsWith(':wrong_state'))).toBe(true);
    expect(Object.keys(outcomes).some((k) => k.endsWith(':done'))).toBe(true);
    expect(violations).toBe(0);
    expect(lost).toEqual([]);
    expect(inconsistent!.n).toBe(0);
    expect(mismatched!.n).toBe(0);
    expect(orphans!.n).toBe(0);
  }, 120_000);
});
