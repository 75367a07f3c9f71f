import type { Request, Response } from 'express';
import { serialize as serializeCookie } from 'cookie';
import type { AuthSettings } from './authenticate.js';
import { permissionsOf } from './roles.js';
import { createSession } from './sessions-repo.js';
import { recordLoginSuccess, toPublicUser, type UserRow } from './users-repo.js';

export function sessionPayload(user: UserRow, csrfToken: string) {
  return { user: toPublicUser(user), permissions: permissionsOf(user.roles), csrfToken };
}

export function setSessionCookie(
  auth: AuthSettings,
  secureCookies: boolean,
  res: Response,
  value: string,
  maxAgeMs: number,
): void {
  res.append(
    'Set-Cookie',
    serializeCookie(auth.cookieName, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      maxAge: Math.floor(maxAgeMs / 1000),
    }),
  );
}

/** The end of every sign-in: a session, its cookie, and the payload the browser starts from. */
export async function startSession(
  auth: AuthSettings,
  secureCookies: boolean,
  req: Request,
  res: Response,
  user: UserRow,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordLoginSuccess(auth.db, user.id);
  const session = await createSession(auth.db, auth.sessions, user.id, {
    ip: req.ip,
    userAgent: req.get('user-agent'),
  });
  setSessionCookie(auth, secureCookies, res, session.token, auth.sessions.absoluteMs);
  req.log?.info({ userId: user.id }, 'user signed in');
  res.json({ ...sessionPayload(user, session.csrfToken), ...extra });
}
