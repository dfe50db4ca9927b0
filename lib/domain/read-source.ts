// Where a page reads from when a read replica is configured (DATABASE_REPLICA_URL): pure rules, no I/O.

/** A WAL position as PostgreSQL prints a pg_lsn (`16/B374D848`), as a number; null when it is not one. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? '');
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** What the replica said when it was last asked: how far it has replayed, and how far behind it is. */
export type ReplicaHealth = { ok: true; replayLsn: string; lagSeconds: number } | { ok: false };

export interface ReadSituation {
  /** null: no replica configured. */
  replica: ReplicaHealth | null;
  /** Whether the primary answered its last probe. */
  primaryOk: boolean;
  /** The WAL position of this browser's last action (its cookie), if it is recent. */
  writtenLsn: string | null;
}

export type ReadReason =
  | 'no_replica' // no replica configured: the primary is the only database
  | 'replica' // the replica, caught up with this browser's writes
  | 'catching_up' // the primary, until the replica has replayed this browser's last action
  | 'replica_down' // the primary, because the replica does not answer
  | 'primary_down'; // the replica although it has not replayed this browser's last action: the primary does not answer

export interface ReadSource {
  source: 'primary' | 'replica';
  reason: ReadReason;
  /** The replica's lag in seconds when it was asked (null: no replica or it does not answer). */
  lagSeconds: number | null;
}

/** Has the replica replayed past the write? A cookie that is not a WAL position counts as no write. */
export function replayedPast(replayLsn: string, writtenLsn: string | null): boolean {
  const written = parseLsn(writtenLsn);
  const replayed = parseLsn(replayLsn);
  if (written === null) return true;
  return replayed !== null && replayed >= written;
}

/**
 * Pages read from the replica, except: the replica is down (the primary, said on the page); this browser acted and the
 * replica has not replayed that commit yet (the primary, so a retried job never looks un-retried), unless the primary
 * itself is down (the replica then is the best there is).
 */
export function chooseReadSource({ replica, primaryOk, writtenLsn }: ReadSituation): ReadSource {
  if (replica === null) return { source: 'primary', reason: 'no_replica', lagSeconds: null };
  if (!replica.ok) return { source: 'primary', reason: 'replica_down', lagSeconds: null };
  const lagSeconds = replica.lagSeconds;
  if (replayedPast(replica.replayLsn, writtenLsn)) return { source: 'replica', reason: 'replica', lagSeconds };
  return primaryOk ? { source: 'primary', reason: 'catching_up', lagSeconds } : { source: 'replica', reason: 'primary_down', lagSeconds };
}
