// One log shape for every line the server writes (issue #31): one JSON object per line with `time`, `level`, `event`
// and `instance`, and for an error its `message` and `stack` (a stack as one string field, never multi-line text).
// A few lines of our own rather than pino: the server writes a handful of lines an hour, synchronously, from two
// bundles (the Next app's and this script's), and pino's worker-thread transports do not survive Next's bundling.
// Info goes to stdout (the audit trail), warnings and errors to stderr.
import { hostname } from 'node:os';

/** This process's name when DASHBOARD_INSTANCE does not give one: its host name and pid (a container's id). */
export const defaultInstance = () => `${hostname()}:${process.pid}`;

/** The line for one event; `fields.error` (anything thrown) becomes `message` and `stack`. */
export function logLine(level, event, fields = {}, instance = defaultInstance()) {
  const { error, ...rest } = fields;
  const failure =
    error === undefined
      ? {}
      : error instanceof Error
        ? { message: rest.message ?? error.message, stack: error.stack }
        : { message: rest.message ?? String(error) };
  return JSON.stringify({ time: new Date().toISOString(), level, event, ...rest, ...failure, instance });
}

/**
 * Written straight to the stream, not through console: Next patches console.* in the server and dims (wraps in ANSI
 * codes) what is logged after a response has ended — which would break the line for a log shipper.
 */
export function log(level, event, fields = {}, instance = defaultInstance()) {
  const line = `${logLine(level, event, fields, instance)}\n`;
  if (level === 'info') process.stdout.write(line);
  else process.stderr.write(line);
}
