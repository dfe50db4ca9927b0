// GoodJob's advisory lock keys: the text '<table>-<id>' hashed to a bigint by a configurable function
// (GoodJob::AdvisoryLockable.hash_function). The function name is validated here, so the SQL built from it is safe.

export const HASH_FUNCTIONS = ['md5', 'hashtext', 'uuid_v5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export type HashFunction = (typeof HASH_FUNCTIONS)[number];

export function parseHashFunction(value: string | undefined): HashFunction {
  const name = (value ?? 'md5').trim().toLowerCase();
  if ((HASH_FUNCTIONS as readonly string[]).includes(name)) return name as HashFunction;
  throw new Error(`GOOD_JOB_ADVISORY_LOCK_HASH must be one of ${HASH_FUNCTIONS.join(', ')} (got "${value}")`);
}

/** SQL that turns the text expression `valueSql` into GoodJob's bigint lock key. */
export function advisoryLockBigintSql(valueSql: string, fn: HashFunction): string {
  switch (fn) {
    case 'md5':
      return `('x' || substr(md5(${valueSql}), 1, 16))::bit(64)::bigint`;
    case 'hashtext':
      return `hashtext((${valueSql})::text)::bigint`;
    case 'uuid_v5':
      return `('x' || substr(replace(uuid_generate_v5('6ba7b810-9dad-11d1-80b4-00c04fd430c8'::uuid, (${valueSql})::text)::text, '-', ''), 1, 16))::bit(64)::bigint`;
    default:
      return `('x' || substr(encode(digest((${valueSql})::text, '${fn}'), 'hex'), 1, 16))::bit(64)::bigint`;
  }
}

export const jobLockKey = (id: string) => `good_jobs-${id}`;
export const batchLockKey = (id: string) => `good_job_batches-${id}`;
