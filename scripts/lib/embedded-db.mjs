// The embedded database: PGlite in this process, served over the PostgreSQL protocol on a free loopback port,
// so the app has one code path (node-postgres) whatever the database.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { demoSeedSql } from '../../lib/db/seed/demo-data.mjs';


function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** One owner per data folder: PGlite has no lock of its own, and two processes on one folder split its data. */
function takeLock(dir) {
  const lock = join(dir, 'owner.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lock, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lock, 'utf8'));
      if (owner && owner !== process.pid && processAlive(owner)) {
        throw new Error(`${dir} is in use by process ${owner} (another dashboard?). Stop it first, or set DATABASE_URL.`);
      }
      rmSync(lock, { force: true }); // stale: its owner is gone
    }
  }
  throw new Error(`could not lock ${dir}`);
}

export function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Creates GoodJob's schema and the demo rows in a fresh database; a database that has them is left as it is. */
export async function prepareDemoDatabase(db, root = process.cwd()) {
  await migrate(drizzle(db), { migrationsFolder: join(root, 'drizzle') });
  const { rows } = await db.query('SELECT count(*)::int AS n FROM good_job_batches');
  if (rows[0].n > 0) return false;
  await db.transaction(async (tx) => {
    for (const seed of demoSeedSql(root)) await tx.exec(seed);
  });
  return true;
}

export async function startEmbeddedDatabase({ dir = '.data/pglite', maxConnections = 32 } = {}) {
  const parent = join(dir, '..');
  mkdirSync(parent, { recursive: true });
  const release = takeLock(parent);
  try {
    const fresh = !existsSync(dir);
    if (fresh) console.log(`Creating the embedded database in ${dir} (first start only)…`);
    const db = await PGlite.create(dir);
    const seeded = await prepareDemoDatabase(db);
    if (seeded) console.log('Seeded the embedded database with demo batches.');
    const port = await freePort();
    const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections });
    await server.start();
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      async stop() {
        await server.stop().catch(() => undefined);
        await db.close().catch(() => undefined);
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
