import 'server-only';
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/client';
import { EXACT_COUNT_LIMIT } from '../read-models/bounded-count';
import { QUEUE_READ_LIMITS } from '../queries/queue-stats';
import { collectGoodJob, type GoodJobSnapshot } from './goodjob-collect';
import { shared } from '../telemetry/registry';
import { log } from '../telemetry/log';

/** One read of GoodJob's tables serves every scrape for this long (Prometheus' replicas, a 15 s interval: ~1 read). */
export const GOODJOB_CACHE_MS = 5_000;
/** A read that takes longer counts as failed (goodjob_scrape_ok 0), well inside Prometheus' default 10 s timeout. */
export const GOODJOB_READ_DEADLINE_MS = 8_000;

const EXACT = `exact up to ${EXACT_COUNT_LIMIT.toLocaleString('en')}, the planner's estimate above`;

function gauge<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]): Gauge<L> {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

const gauges = () =>
  shared('goodjob-gauges', (r) => ({
    jobs: gauge(r, 'goodjob_jobs', `Jobs per state, by GoodJob's state filters (the jobs page's tabs); ${EXACT}.`, ['state']),
    jobsEstimated: gauge(r, 'goodjob_jobs_estimated', '1 when goodjob_jobs for this state is the planner\'s estimate, 0 when it is an exact count.', ['state']),
    queueJobs: gauge(r, 'goodjob_queue_jobs', `Unfinished jobs per queue and state (queued, scheduled, retried, running), by the job badge's rule; each queue reads up to ${QUEUE_READ_LIMITS.max.toLocaleString('en')} of its unfinished jobs (fewer with many queues), the earliest scheduled first.`, ['queue', 'state']),
    queueCapped: gauge(r, 'goodjob_queue_jobs_capped', '1 when the queue has more unfinished jobs than it reads: its goodjob_queue_jobs values are lower bounds.', ['queue']),
    oldestQueued: gauge(r, 'goodjob_oldest_queued_job_age_seconds', 'Seconds since the oldest queued job of the queue became due (scheduled_at, else created_at); 0 when none is queued.', ['queue']),
    batches: gauge(r, 'goodjob_batches', `Batches per state (discarded, succeeded, callbacksRunning, inProgress, notEnqueued); ${EXACT}.`, ['state']),
    batchesEstimated: gauge(r, 'goodjob_batches_estimated', '1 when goodjob_batches for this state is the planner\'s estimate, 0 when it is an exact count.', ['state']),
    activeProcesses: gauge(r, 'goodjob_active_processes', 'GoodJob processes active now, by GoodJob\'s rule (holding their advisory lock; without a lock type, a heartbeat under 5 minutes old).', []),
    discarded: gauge(r, 'goodjob_discarded_jobs_last_hour', `Jobs discarded (finished with an error) in the last hour; ${EXACT}.`, []),
    discardedEstimated: gauge(r, 'goodjob_discarded_jobs_last_hour_estimated', '1 when goodjob_discarded_jobs_last_hour is the planner\'s estimate, 0 when it is an exact count.', []),
    ok: gauge(r, 'goodjob_scrape_ok', '1 when the last read of GoodJob\'s tables succeeded; 0 when it failed or timed out (the other goodjob_* series are then absent).', []),
    duration: gauge(r, 'goodjob_scrape_duration_seconds', 'How long the last read of GoodJob\'s tables took.', []),
  }));

const flag = (estimated: boolean) => (estimated ? 1 : 0);

/** Sets every goodjob_* gauge from a snapshot; null (a failed read) leaves them without values and scrape_ok at 0. */
export function setGoodJobGauges(snapshot: GoodJobSnapshot | null, seconds: number): void {
  const g = gauges();
  for (const metric of [g.jobs, g.jobsEstimated, g.queueJobs, g.queueCapped, g.oldestQueued, g.batches, g.batchesEstimated, g.activeProcesses, g.discarded, g.discardedEstimated]) {
    metric.reset();
  }
  g.ok.set(snapshot === null ? 0 : 1);
  g.duration.set(seconds);
  if (snapshot === null) return;
  for (const [state, count] of Object.entries(snapshot.jobs)) {
    g.jobs.set({ state }, count.value);
    g.jobsEstimated.set({ state }, flag(count.estimated));
  }
  for (const q of snapshot.queues) {
    for (const state of ['queued', 'scheduled', 'retried', 'running'] as const) g.queueJobs.set({ queue: q.queue, state }, q[state]);
    g.queueCapped.set({ queue: q.queue }, flag(q.capped));
    g.oldestQueued.set({ queue: q.queue }, Math.max(0, q.oldestQueuedAgeSeconds ?? 0));
  }
  for (const [state, count] of Object.entries(snapshot.batches)) {
    g.batches.set({ state }, count.value);
    g.batchesEstimated.set({ state }, flag(count.estimated));
  }
  g.activeProcesses.set(snapshot.activeProcesses);
  g.discarded.set(snapshot.discardedLastHour.value);
  g.discardedEstimated.set(flag(snapshot.discardedLastHour.estimated));
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined); // a read past its deadline may still fail later: nobody waits for it
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function readAndSet(db: () => Promise<Db>, now: Date): Promise<void> {
  const started = performance.now();
  let snapshot: GoodJobSnapshot | null = null;
  try {
    snapshot = await within(
      db().then((d) => collectGoodJob(d, now)),
      GOODJOB_READ_DEADLINE_MS,
    );
  } catch (error) {
    log('error', 'metrics_read_failed', { error });
  }
  setGoodJobGauges(snapshot, (performance.now() - started) / 1000);
}

const last = () => shared('goodjob-last-read', () => ({ current: null as { at: number; done: Promise<void> } | null }));

/**
 * Brings the goodjob_* gauges up to date as of `now`: one read per GOODJOB_CACHE_MS, shared by the scrapes that come
 * meanwhile (a failed read too: a database in trouble is not asked again by every scraper). Never rejects.
 */
export function refreshGoodJobMetrics(db: () => Promise<Db>, now = new Date()): Promise<void> {
  const holder = last();
  const age = holder.current === null ? Infinity : now.getTime() - holder.current.at;
  if (holder.current !== null && age >= 0 && age < GOODJOB_CACHE_MS) return holder.current.done;
  const done = readAndSet(db, now);
  holder.current = { at: now.getTime(), done };
  return done;
}
