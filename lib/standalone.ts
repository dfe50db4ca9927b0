// What scripts/start.mjs and scripts/serve.mjs do for `npm start`, for a server that runs neither: Next's standalone
// server.js, which the container image runs. The same rule refuses to serve the network without sign-in, and the same
// edge (scripts/lib/edge.mjs: forwarded headers, admission queue, page status) stands in front of Next's handler.
import { busyTextsFrom } from '../scripts/lib/admission.mjs';
import { createEdge, hasEdge, passRequestsThrough } from '../scripts/lib/edge.mjs';
import { exposureProblem } from '../scripts/lib/guard.mjs';
import en from '../messages/en.json';
import ja from '../messages/ja.json';
import ko from '../messages/ko.json';
import ru from '../messages/ru.json';

export function startWithoutServeScript(): void {
  // scripts/serve.mjs made its edge before Next started, after scripts/start.mjs checked the address it listens on.
  if (hasEdge()) return;
  // server.js listens on HOSTNAME, all interfaces when it is unset.
  const problem = exposureProblem({ ...process.env, HOSTNAME: process.env.HOSTNAME || '0.0.0.0' });
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) {
    console.error('DATABASE_URL is not set: every page will say the database is unavailable (the embedded demo database is `npm start`\'s).');
  }
  // The base path is compiled in (next.config.ts), whatever BASE_PATH says at run time.
  const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
  passRequestsThrough(createEdge({ busyText: busyTextsFrom({ en, ko, ja, ru }), basePath }));
}
