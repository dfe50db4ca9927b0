// The production server, one for both ways the dashboard runs: Next's request handler behind our own HTTP server, so
// that the edge of the process (edge.mjs) decides what the app may believe about the client, refuses what a request's
// head already refuses before its body arrives, and bounds every phase of a request.
//   npm start:      node scripts/server/serve.mjs --hostname 127.0.0.1 --port 3000   (scripts/lib/build.mjs builds it)
//   the container:  node scripts/server/serve.mjs   in Next's standalone output (HOSTNAME and PORT from the image),
//                   which holds no next.config.ts: the configuration the build compiled comes from
//                   <distDir>/required-server-files.json, as Next's own standalone server.js reads it.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import next from 'next';
import { createEdge } from './edge.mjs';
import { exposureProblem } from './guard.mjs';
import { parseServerSettings } from './settings.mjs';

const EDGE_POLICY = Symbol.for('goodjob-dashboard.edge-policy');
const log = (level, event, fields = {}) => console.error(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));

const { values } = parseArgs({
  options: { hostname: { type: 'string', default: process.env.HOSTNAME || '127.0.0.1' }, port: { type: 'string', default: process.env.PORT || '3000' } },
});
const hostname = values.hostname;
const port = Number(values.port);

const { settings, problems } = parseServerSettings(process.env);
if (!/^\d+$/.test(values.port) || port > 65535) problems.push(`PORT=${JSON.stringify(values.port)}: expected a port number from 0 to 65535`);
if (problems.length > 0) {
  console.error(`The dashboard cannot start: ${problems.length === 1 ? 'a setting is' : 'settings are'} not valid.\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
const exposure = exposureProblem({ ...process.env, HOSTNAME: hostname });
if (exposure !== null) {
  console.error(exposure);
  process.exit(1);
}
if (!process.env.DATABASE_URL) log('warn', 'database_url_missing', { message: 'DATABASE_URL is not set: every page will say the database is unavailable.' });

process.env.NODE_ENV = 'production';
const dir = process.cwd();
let conf;
if (!existsSync(join(dir, 'next.config.ts'))) {
  ({ config: conf } = JSON.parse(readFileSync(join(dir, process.env.NEXT_DIST_DIR || '.next', 'required-server-files.json'), 'utf8')));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
}
const app = next({ dev: false, hostname, port, dir, ...(conf ? { conf } : {}) });
await app.prepare();
const handle = app.getRequestHandler();
// instrumentation.ts published the app's own rules for the edge while Next prepared.
const policy = globalThis[EDGE_POLICY];
if (!policy) {
  log('error', 'edge_policy_missing', { message: 'instrumentation.ts did not publish the edge policy: is this a build of this dashboard?' });
  process.exit(1);
}
const trustProxy = ['1', 'true', 'yes'].includes((process.env.DASHBOARD_TRUST_PROXY ?? '').toLowerCase());
const edge = createEdge({ policy, settings, trustProxy });

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
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
