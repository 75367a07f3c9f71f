import { createHash } from 'node:crypto';
import type { Db } from '../../infra/db/create-knex.js';
import { randomToken } from './password.js';

/** A sign-in whose password was right, waiting for its second factor. */
export interface MfaChallenge {
  userId: string;
  source: string;
  attempts: number;
}

export const challengeTtlMs = 5 * 60_000;
export const challengeMaxAttempts = 5;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function createChallenge(db: Db, userId: string, source: string): Promise<string> {
  const token = randomToken(32);
  await db('mfa_challenges').insert({
    id_hash: hashOf(token),
    user_id: userId,
    source,
    expires_at: new Date(Date.now() + challengeTtlMs),
  });
  return token;
}

/** Counts one more try of a live challenge; undefined when unknown, expired or tried too often. */
export async function tryChallenge(db: Db, token: string): Promise<MfaChallenge | undefined> {
  const [row] = (await db('mfa_challenges')
    .where({ id_hash: hashOf(token) })
    .andWhere('expires_at', '>', db.fn.now())
    .andWhere('attempts', '<', challengeMaxAttempts)
    .increment('attempts', 1)
    .returning(['user_id', 'source', 'attempts'])) as { user_id: string; source: string; attempts: number }[];
  return row ? { userId: row.user_id, source: row.source, attempts: row.attempts } : undefined;
}

/** Reads a live challenge without counting a try. */
export async function peekChallenge(db: Db, token: string): Promise<MfaChallenge | undefined> {
  const row = (await db('mfa_challenges')
    .where({ id_hash: hashOf(token) })
    .andWhere('expires_at', '>', db.fn.now())
    .andWhere('attempts', '<', challengeMaxAttempts)
    .first()) as { user_id: string; source: string; attempts: number } | undefined;
  return row ? { userId: row.user_id, source: row.source, attempts: row.attempts } : undefined;
}

export async function deleteChallenge(db: Db, token: string): Promise<void> {
  await db('mfa_challenges')
    .where({ id_hash: hashOf(token) })
    .delete();
}
