// `npm run db:migrate -- --database-url URL`: creates GoodJob's v4 schema in an EMPTY database (for demos and tests).
// It refuses a database that already has GoodJob's tables: the dashboard never changes a real GoodJob schema.
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

async function main() {
  const i = process.argv.indexOf('--database-url');
  const url = i >= 0 ? process.argv[i + 1] : undefined;
  if (!url) {
    console.error('usage: npm run db:migrate -- --database-url postgres://…');
    process.exit(2);
  }
  const pool = new pg.Pool({ connectionString: url });
  try {
    const { rows } = await pool.query<{ t: string | null }>(`SELECT to_regclass('good_jobs')::text AS t`);
    const journal = await pool.query<{ t: string | null }>(`SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t`);
    if (rows[0]?.t && !journal.rows[0]?.t) {
      console.error('This database already has GoodJob tables that GoodJob created: nothing was changed.');
      process.exit(1);
    }
    await migrate(drizzle(pool), { migrationsFolder: 'drizzle' });
    console.log('GoodJob schema is in place.');
  } finally {
    await pool.end();
  }
}

void main();
