// `npm start`: serves the production build; on the embedded demo database unless DATABASE_URL is set.
import { spawn } from 'node:child_process';
import { ensureBuild, nextStartArgs } from './lib/build.mjs';
import { startEmbeddedDatabase } from './lib/embedded-db.mjs';
import { exposureProblem } from '../lib/edge/guard.mjs';

const port = process.env.PORT ?? '3000';
const host = process.env.HOSTNAME ?? '127.0.0.1';

async function main() {
  const problem = exposureProblem({ ...process.env, HOSTNAME: host });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  ensureBuild();
  let embedded = null;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedDatabase();
    databaseUrl = embedded.url;
    console.log('Database: embedded PGlite in .data/ (set DATABASE_URL to attach to a GoodJob database)');
  } else {
    console.log('Database: DATABASE_URL (its schema is never changed)');
  }
  const child = spawn(process.execPath, nextStartArgs(host, port), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  console.log(`\nGoodJob dashboard: http://${shownHost}:${port}/\n`);
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    child.kill('SIGTERM');
    await embedded?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  child.on('exit', (code) => stop(code ?? 0));
}

main().catch((error) => {
  console.error(`Could not start the dashboard: ${error.message}`);
  process.exit(1);
});
