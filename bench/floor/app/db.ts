import pg from 'pg';

// GoodJob stores UTC in `timestamp without time zone`: kept as text, as the dashboard does.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => value);

let pool: pg.Pool | undefined;

/** One pool for the process, from DATABASE_URL, sized like the dashboard's default. */
export function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  return pool;
}

export type JobRow = {
  id: string;
  job_class: string | null;
  queue_name: string | null;
  priority: number | null;
  labels: string[] | null;
  created_at: string;
  scheduled_at: string | null;
  finished_at: string | null;
  error: string | null;
};

export async function newestJobs(): Promise<JobRow[]> {
  const { rows } = await db().query<JobRow>(
    'SELECT id, job_class, queue_name, priority, labels, created_at, scheduled_at, finished_at, error FROM good_jobs ORDER BY created_at DESC LIMIT 50',
  );
  return rows;
}
