import { createHmac } from 'node:crypto';
import type { Db } from '../../infra/db/create-knex.js';
import { randomToken } from './password.js';

export interface SessionSettings {
  secret: string;
  idleMs: number;
  absoluteMs: number;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

/** Only a keyed hash of the cookie value is stored: a copy of the table does not yield usable sessions. */
export function hashSessionToken(settings: SessionSettings, token: string): string {
  return createHmac('sha256', settings.secret).update(token).digest('base64url');
}

export async function createSession(
  db: Db,
  settings: SessionSettings,
  userId: string,
  meta: { ip?: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + settings.absoluteMs);
  await db('sessions').insert({
    id_hash: hashSessionToken(settings, token),
    user_id: userId,
    csrf_token: csrfToken,
    expires_at: expiresAt,
    ip: meta.ip ?? null,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

const touchEveryMs = 60_000;

/** The live session for a cookie value, or undefined when unknown, idle too long or past its absolute end. */
export async function resolveSession(
  db: Db,
  settings: SessionSettings,
  token: string,
): Promise<SessionRow | undefined> {
  const idHash = hashSessionToken(settings, token);
  const row = await db<SessionRow>('sessions').where({ id_hash: idHash }).first();
  if (!row) return undefined;
  const now = Date.now();
  if (row.expires_at.getTime() <= now || row.last_seen_at.getTime() + settings.idleMs <= now) {
    await db('sessions').where({ id_hash: idHash }).delete();
    return undefined;
  }
  if (now - row.last_seen_at.getTime() > touchEveryMs) {
    await db('sessions')
      .where({ id_hash: idHash })
      .update({ last_seen_at: new Date(now) });
  }
  return row;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db('sessions').where({ id_hash: idHash }).delete();
}

export async function deleteExpiredSessions(db: Db, settings: SessionSettings): Promise<number> {
  return db('sessions')
    .where('expires_at', '<=', db.fn.now())
    .orWhere('last_seen_at', '<=', new Date(Date.now() - settings.idleMs))
    .delete();
}
