import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { chooseReadSource, type ReadSource } from '../domain/read-source';
import { getDb, getReplicaDb, type Db } from './client';
import { primaryReachable, replicaHealth } from './health';

/** The cookie holding the WAL position of this browser's last action (lib/actions/remember-write.ts). */
export const WRITTEN_LSN_COOKIE = 'gjd_written_lsn';

export interface ReadRoute extends ReadSource {
  db: Db;
  primaryOk: boolean;
}

/**
 * The database this request's pages read from (decided once per request): the replica when one is configured and it
 * has replayed this browser's last action, else the primary (lib/domain/read-source.ts has the rules). Without a
 * replica, the primary with no probe at all.
 */
export const readRoute = cache(async (): Promise<ReadRoute> => {
  const replicaDb = getReplicaDb();
  if (replicaDb === null) return { db: getDb(), source: 'primary', reason: 'no_replica', lagSeconds: null, primaryOk: true };
  const writtenLsn = (await cookies()).get(WRITTEN_LSN_COOKIE)?.value ?? null;
  const [replica, primaryOk] = await Promise.all([replicaHealth(), primaryReachable()]);
  const choice = chooseReadSource({ replica, primaryOk, writtenLsn });
  return { ...choice, primaryOk, db: choice.source === 'replica' ? replicaDb : getDb() };
});

/** The database to read from for this request. */
export async function readDb(): Promise<Db> {
  return (await readRoute()).db;
}
