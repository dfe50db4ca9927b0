// The production server, one for both ways the dashboard runs: Next's request handler behind our own HTTP server, so
// that the edge of the process (edge.mjs) decides what the app may believe about the client, refuses what a request's
// head already refuses before its body arrives, and bounds every phase of a request.
//   npm start:      node scripts/server/serve.mjs --hostname 127.0.0.1 --port 3000   (scripts/lib/build.mjs builds it)
//   the container:  node scripts/server/serve.mjs   in Next's standalone output (HOSTNAME and PORT from the image),
//                   which holds no next.config.ts: the configuration the build compiled comes from
//                   <distDir>/required-server-files.json, as Next's own standalone server.js reads it.
// Every setting is checked before it listens (lib/env.ts, through instrumentation.ts while Next prepares): on any
// problem it prints them all and exits 1.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import next from 'next';
import { createEdge } from '../../lib/edge/edge.mjs';
import { exposureProblem } from '../../lib/edge/guard.mjs';
import { defaultInstance, log } from '../../lib/edge/log.mjs';

const SERVER_START = Symbol.for('goodjob-dashboard.server-start');
const fail = (text) => {
  console.error(text);
  process.exit(1);
};

const { values } = parseArgs({
  options: { hostname: { type: 'string', default: process.env.HOSTNAME || '127.0.0.1' }, port: { type: 'string', default: process.env.PORT || '3000' } },
});
// The address it listens on is checked with every other setting (lib/env.ts reads them from the environment).
process.env.HOSTNAME = values.hostname;
process.env.PORT = values.port;
const exposure = exposureProblem(process.env);
if (exposure !== null) fail(exposure);

process.env.NODE_ENV = 'production';
const dir = process.cwd();
let conf;
if (!existsSync(join(dir, 'next.config.ts'))) {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const file = join(dir, /^[A-Za-z0-9._-]+$/.test(distDir) ? distDir : '.next', 'required-server-files.json');
  if (!existsSync(file)) fail(`No build here: ${file} is missing (run the server from the build's folder, or build first).`);
  ({ config: conf } = JSON.parse(readFileSync(file, 'utf8')));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
}
const hostname = values.hostname;
const port = /^\d+$/.test(values.port) ? Number(values.port) : 0;
const app = next({ dev: false, hostname, port, dir, ...(conf ? { conf } : {}) });
await app.prepare();
const handle = app.getRequestHandler();
// instrumentation.ts checked every setting while Next prepared, and published the result.
const published = globalThis[SERVER_START];
if (!published) fail('instrumentation.ts did not run while Next prepared: is this a build of this dashboard?');
const start = await published;
if (start.problems.length > 0) {
  fail(`The dashboard cannot start: ${start.problems.length === 1 ? 'a setting is' : 'settings are'} not valid.\n${start.problems.map((p) => `  ${p}`).join('\n')}`);
}
const { settings, policy } = start;
const instance = settings.DASHBOARD_INSTANCE || defaultInstance();
if (!settings.DATABASE_URL) log('warn', 'database_url_missing', { message: 'DATABASE_URL is not set: every page will say the database is unavailable.' }, instance);
const edge = createEdge({ policy, settings, trustProxy: settings.DASHBOARD_TRUST_PROXY, log: (level, event, fields) => log(level, event, fields, instance) });

const server = createServer(
  {
    headersTimeout: settings.DASHBOARD_HEADERS_TIMEOUT_MS,
    // The whole request: its headers, then its body (the edge answers a slow body itself, with a 408, before this).
    requestTimeout: settings.DASHBOARD_HEADERS_TIMEOUT_MS + settings.DASHBOARD_BODY_TIMEOUT_MS + 5_000,
    keepAliveTimeout: settings.DASHBOARD_KEEP_ALIVE_TIMEOUT_MS,
    // How often Node checks the two timeouts above (30 s by default: a 10 s bound would hold up to 40 s).
    connectionsCheckingInterval: 1_000,
  },
  (req, res) => edge(req, res, handle),
);
// A connection that neither sends nor reads for this long is closed (a stalled download, a silent client).
server.timeout = settings.DASHBOARD_IDLE_TIMEOUT_MS;
server.on('error', (error) => fail(`Cannot listen on ${hostname}:${port}: ${error.message}`));
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
