// The production server: Next's request handler behind our own HTTP server, so that the edge of the process decides
// what the app may believe about the client (scripts/lib/edge.mjs: forwarded headers, the admission queue, the status a
// page asks for). Usage: node scripts/serve.mjs --hostname 127.0.0.1 --port 3000 (scripts/lib/build.mjs builds the
// command). The container image runs Next's standalone server.js instead, with the same edge put in front of it by
// instrumentation.ts.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { busyTexts } from './lib/admission.mjs';
import { createEdge } from './lib/edge.mjs';

const { values } = parseArgs({ options: { hostname: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '3000' } } });
const hostname = values.hostname;
const port = Number(values.port);

// Made before Next starts: instrumentation.ts then sees that this server is the edge and adds none of its own.
const edge = createEdge({ busyText: busyTexts() });

process.env.NODE_ENV = 'production';
const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => edge(req, res, handle));
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
