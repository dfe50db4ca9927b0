// Load shedding at the edge of the production server. Rendering is CPU-bound: 200 requests at once on 2 cores all
// get slow together, clients time out, and the server keeps rendering pages nobody waits for. So at most
// `concurrency` requests render at a time; up to `queueLimit` more wait, each at most `waitMs`, and are dropped when
// their client leaves; anything beyond gets an immediate, localized 503 "the dashboard is busy" with Retry-After.
// A request holds its slot only while it renders: until its response's head is written (a streamed response gives the
// slot back as it starts streaming) or its connection closes.
/** Requests that cost next to nothing (built files, health probes, a metrics scrape: read at most once per 5 s) skip the queue, so a probe or a scrape still answers while pages are shed. */
export function isCheap(url = '/') {
  return /\/_next\/static\/|\/favicon\.ico$|\/(healthz|readyz|metrics)$/.test(url.split('?')[0]);
}

export function createLoadShedder({ concurrency = 8, queueLimit = 64, waitMs = 3000 } = {}) {
  let active = 0;
  /** Waiting requests, oldest first: { start(), refuse(), gone() }. */
  const queue = [];
  const stats = { admitted: 0, shed: 0, expired: 0, abandoned: 0 };

  const next = () => {
    while (active < concurrency && queue.length > 0) {
      const waiting = queue.shift();
      clearTimeout(waiting.timer);
      if (waiting.gone()) {
        stats.abandoned += 1;
        continue;
      }
      run(waiting);
    }
  };
  const run = (waiting) => {
    active += 1;
    stats.admitted += 1;
    let released = false;
    waiting.start(() => {
      if (released) return;
      released = true;
      active -= 1;
      next();
    });
  };

  /** `start(release)` when a slot is free (call release when the response is done); `refuse()` when none comes. */
  function enqueue(entry) {
    if (active < concurrency && queue.length === 0) return run(entry);
    if (queue.length >= queueLimit) {
      stats.shed += 1;
      return entry.refuse();
    }
    entry.timer = setTimeout(() => {
      const i = queue.indexOf(entry);
      if (i >= 0) queue.splice(i, 1);
      stats.expired += 1;
      entry.refuse();
    }, waitMs);
    queue.push(entry);
  }

  return { enqueue, stats, get active() { return active; }, get waiting() { return queue.length; } };
}
