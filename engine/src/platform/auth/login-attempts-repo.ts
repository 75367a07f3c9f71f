import type { Db } from '../../infra/db/create-knex.js';

export interface LockSettings {
  maxFailures: number;
  lockMs: number;
}

/** How long a successful sign-in makes its address the owner's (exempt from the per-account bucket). */
const knownAddressMs = 30 * 24 * 3_600_000;

export type Reservation =
  { locked: false; knownAddress: boolean } | { locked: true; retryAfterSeconds: number };

/**
 * Counts an attempt for a user name from a source address before its password is checked, in one
 * statement, so concurrent guesses cannot all read "not locked": the attempt that reaches
 * `maxFailures` sets the lock, every later one is refused without a hash. A success releases it.
 * Failures older than the lock time are forgotten. Unknown user names are counted alike.
 */
export async function reserveAttempt(
  db: Db,
  settings: LockSettings,
  username: string,
  source: string,
): Promise<Reservation> {
  const name = username.toLowerCase();
  const lock = `now() + (${Number(settings.lockMs)} * interval '1 millisecond')`;
  const stale = `now() - (${Number(settings.lockMs)} * interval '1 millisecond')`;
  const next = `(case when a.locked_until is not null or a.updated_at < ${stale} then 1 else a.failures + 1 end)`;
  const { rows } = (await db.raw(
    `insert into login_attempts as a (username, source, failures, locked_until, updated_at)
     values (?, ?, 1, case when 1 >= ? then ${lock} end, now())
     on conflict (username, source) do update set
       failures = ${next},
       locked_until = case when ${next} >= ? then ${lock} end,
       updated_at = now()
     where a.locked_until is null or a.locked_until <= now()
     returning last_success_at`,
    [name, source, settings.maxFailures, settings.maxFailures],
  )) as { rows: { last_success_at: Date | null }[] };
  const row = rows[0];
  if (row) {
    return {
      locked: false,
      knownAddress:
        row.last_success_at !== null && Date.now() - row.last_success_at.getTime() < knownAddressMs,
    };
  }
  const lockedRow = (await db('login_attempts').where({ username: name, source }).first()) as
    { locked_until: Date | null } | undefined;
  const until = lockedRow?.locked_until?.getTime() ?? Date.now() + 1000;
  return { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)) };
}

/**
 * Takes back a reservation whose attempt was refused before it was checked. A lock stays: another
 * attempt may have set it meanwhile (concurrent guesses), and taking it back would let the flood
 * that caused it through.
 */
export async function cancelAttempt(db: Db, _settings: LockSettings, username: string, source: string) {
  await db('login_attempts')
    .where({ username: username.toLowerCase(), source })
    .whereNull('locked_until')
    .update({ failures: db.raw('greatest(failures - 1, 0)') });
}

/** A full success: failures forgotten, the address remembered as the owner's. */
export async function releaseAttempt(db: Db, username: string, source: string): Promise<void> {
  await db('login_attempts')
    .where({ username: username.toLowerCase(), source })
    .update({ failures: 0, locked_until: null, last_success_at: db.fn.now(), updated_at: db.fn.now() });
}

/** Lifts every lock of a user name; the number of addresses that were locked. */
export async function unlockUsername(db: Db, username: string): Promise<number> {
  return db('login_attempts')
    .where({ username: username.toLowerCase() })
    .andWhere((q) => q.where('failures', '>', 0).orWhereNotNull('locked_until'))
    .update({ failures: 0, locked_until: null, updated_at: db.fn.now() });
}

/** Rows that hold neither a lock, nor recent failures, nor a remembered success. */
export async function deleteStaleLoginAttempts(db: Db, settings: LockSettings): Promise<number> {
  const failuresBefore = new Date(Date.now() - settings.lockMs);
  const successBefore = new Date(Date.now() - knownAddressMs);
  return db('login_attempts')
    .where((q) => q.whereNull('locked_until').orWhere('locked_until', '<', db.fn.now()))
    .andWhere((q) => q.where('failures', 0).orWhere('updated_at', '<', failuresBefore))
    .andWhere((q) => q.whereNull('last_success_at').orWhere('last_success_at', '<', successBefore))
    .delete();
}

/** Forgotten attempts and expired second-factor challenges. */
export async function sweepSignIns(db: Db, settings: LockSettings): Promise<void> {
  await deleteStaleLoginAttempts(db, settings);
  await db('mfa_challenges').where('expires_at', '<=', db.fn.now()).delete();
}
