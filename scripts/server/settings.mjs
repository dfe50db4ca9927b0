// The production server's own settings (scripts/server/serve.mjs): how long each phase of a request may take and how
// many requests render at once. Read once when the server starts; a value that is not what is accepted stops it
// before it listens, naming every such variable (never a NaN that silently turns a guard off).

/** name → [default, minimum, maximum, what it bounds]. Milliseconds unless said. */
const INTEGERS = {
  DASHBOARD_MAX_CONCURRENCY: [8, 1, 1024, 'requests rendering at once'],
  DASHBOARD_MAX_QUEUE: [64, 0, 100_000, 'requests waiting for a render slot'],
  DASHBOARD_QUEUE_WAIT_MS: [3000, 1, 600_000, 'how long a request waits for a render slot'],
  DASHBOARD_HEADERS_TIMEOUT_MS: [10_000, 1000, 600_000, "how long a request's headers may take to arrive"],
  DASHBOARD_BODY_TIMEOUT_MS: [10_000, 1000, 600_000, "how long a request's body may take to arrive once its headers have"],
  DASHBOARD_IDLE_TIMEOUT_MS: [30_000, 1000, 3_600_000, 'how long a connection may send and read nothing (a stalled download included)'],
  DASHBOARD_KEEP_ALIVE_TIMEOUT_MS: [5000, 1000, 600_000, 'how long an idle keep-alive connection stays open between requests'],
};

/** `{ settings, problems }`: `problems` lists every bad variable, its value and what is accepted. */
export function parseServerSettings(env = process.env) {
  const settings = {};
  const problems = [];
  for (const [name, [fallback, min, max, what]] of Object.entries(INTEGERS)) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      settings[name] = fallback;
      continue;
    }
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max} (${what}; default ${fallback})`);
      continue;
    }
    settings[name] = value;
  }
  return { settings, problems };
}
