// GoodJob::Setting's writers (cron_key_enable / cron_key_disable / pause / unpause), each one transaction. GoodJob
// itself reads, edits and saves without a lock; two dashboards doing that at once could each drop the other's entry.
// Here the row is created if missing (INSERT … ON CONFLICT DO NOTHING, as GoodJob's find_or_initialize_by would) and
// locked (SELECT … FOR UPDATE) before it is read, so concurrent writers queue up and none loses an update.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  CRON_KEYS_DISABLED,
  CRON_KEYS_ENABLED,
  PAUSES,
  withCronKey,
  withoutCronKey,
  withoutPause,
  withPause,
  type PauseKind,
  type SettingChange,
} from '../domain/settings';

export type SettingOutcome = 'done' | 'wrong_state';
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The transaction's time: a row created and filled in one transaction has created_at = updated_at, as GoodJob's. */
const NOW = sql`(now() AT TIME ZONE 'UTC')::timestamp(6)`;

/** The row's value, locked for this transaction; `undefined` when there is no row (and `create` is null). */
async function lockSetting(tx: Tx, key: string, create: unknown | null): Promise<unknown | undefined> {
  if (create !== null) {
    await tx.execute(sql`INSERT INTO good_job_settings (id, created_at, updated_at, key, value)
      VALUES (gen_random_uuid(), ${NOW}, ${NOW}, ${key}, ${JSON.stringify(create)}::jsonb) ON CONFLICT (key) DO NOTHING`);
  }
  const { rows } = await tx.execute<{ value: unknown }>(sql`SELECT value FROM good_job_settings WHERE key = ${key} FOR UPDATE`);
  return rows.length === 0 ? undefined : rows[0]!.value;
}

/** Reads, changes and saves one setting under its row lock; false when its JSON is not GoodJob's shape. */
async function changeSetting<T>(tx: Tx, key: string, create: unknown | null, change: (current: unknown | undefined) => SettingChange<T>): Promise<boolean> {
  const current = await lockSetting(tx, key, create);
  const next = change(current);
  if (next.value === null) return false;
  if (next.changed) await tx.execute(sql`UPDATE good_job_settings SET value = ${JSON.stringify(next.value)}::jsonb, updated_at = ${NOW} WHERE key = ${key}`);
  return true;
}

/** A change to several settings: all of them or none (a setting of a shape GoodJob never writes is left alone). */
async function inOneTransaction(db: Db, body: (tx: Tx) => Promise<boolean>): Promise<SettingOutcome> {
  try {
    return await db.transaction(async (tx): Promise<SettingOutcome> => {
      if (!(await body(tx))) throw new WrongShape();
      return 'done';
    });
  } catch (error) {
    if (error instanceof WrongShape) return 'wrong_state';
    throw error;
  }
}

class WrongShape extends Error {}

/** Setting.cron_key_enable: listed as enabled (the row created if missing), unlisted as disabled (if that row exists). */
export function enableCronKey(db: Db, key: string): Promise<SettingOutcome> {
  return inOneTransaction(
    db,
    async (tx) => (await changeSetting(tx, CRON_KEYS_ENABLED, [], (v) => withCronKey(v, key))) && changeSetting(tx, CRON_KEYS_DISABLED, null, (v) => withoutCronKey(v, key)),
  );
}

/** Setting.cron_key_disable: the mirror image. */
export function disableCronKey(db: Db, key: string): Promise<SettingOutcome> {
  return inOneTransaction(
    db,
    async (tx) => (await changeSetting(tx, CRON_KEYS_ENABLED, null, (v) => withoutCronKey(v, key))) && changeSetting(tx, CRON_KEYS_DISABLED, [], (v) => withCronKey(v, key)),
  );
}

const EMPTY_PAUSES = { queues: [], job_classes: [], labels: [] };

/** Setting.pause(kind => value). */
export function pause(db: Db, kind: PauseKind, value: string): Promise<SettingOutcome> {
  return inOneTransaction(db, (tx) => changeSetting(tx, PAUSES, EMPTY_PAUSES, (v) => withPause(v, kind, value)));
}

/** Setting.unpause(kind => value): no row, nothing to do. */
export function unpause(db: Db, kind: PauseKind, value: string): Promise<SettingOutcome> {
  return inOneTransaction(db, (tx) => changeSetting(tx, PAUSES, null, (v) => withoutPause(v, kind, value)));
}
