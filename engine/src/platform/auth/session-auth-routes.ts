import type { Request, Response } from 'express';
import { serialize as serializeCookie } from 'cookie';
import { z } from 'zod';
import { checkSameOrigin, type AuthSettings } from './authenticate.js';
import { verifyAgainstDummy, verifySecret } from './password.js';
import { permissionsOf } from './roles.js';
import { createSession, deleteSession } from './sessions-repo.js';
import {
  findUserById,
  findUserByUsername,
  recordLoginFailure,
  recordLoginSuccess,
  toPublicUser,
  type UserRow,
} from './users-repo.js';
import { AppError, tooManyRequests, unauthorized } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';

export interface SessionAuthDeps {
  auth: AuthSettings;
  secureCookies: boolean;
  login: { maxFailures: number; lockMs: number };
}

const loginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

function sessionPayload(user: UserRow, csrfToken: string) {
  return { user: toPublicUser(user), permissions: permissionsOf(user.roles), csrfToken };
}

export function sessionAuthRoutes(r: SecureRouter, deps: SessionAuthDeps): void {
  const { db } = deps.auth;
  const setCookie = (res: Response, value: string, maxAgeMs: number) =>
    res.append(
      'Set-Cookie',
      serializeCookie(deps.auth.cookieName, value, {
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        path: '/',
        maxAge: Math.floor(maxAgeMs / 1000),
      }),
    );

  r.post('/api/v1/auth/login', 'public', async (req: Request, res: Response) => {
    checkSameOrigin(deps.auth, req);
    const { username, password } = parseInput(loginBody, req.body);
    const user = await findUserByUsername(db, username);
    if (!user || !user.active) {
      await verifyAgainstDummy(password);
      throw new AppError('unauthenticated', 'invalid-credentials', 'Invalid user name or password.');
    }
    if (user.locked_until && user.locked_until.getTime() > Date.now()) {
      const seconds = Math.ceil((user.locked_until.getTime() - Date.now()) / 1000);
      throw tooManyRequests(
        `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes.`,
        seconds,
      );
    }
    if (!(await verifySecret(password, user.password_hash))) {
      await recordLoginFailure(db, user.id, deps.login.maxFailures, deps.login.lockMs);
      throw new AppError('unauthenticated', 'invalid-credentials', 'Invalid user name or password.');
    }
    await recordLoginSuccess(db, user.id);
    const session = await createSession(db, deps.auth.sessions, user.id, {
      ip: req.ip,
      userAgent: req.get('user-agent'),
    });
    setCookie(res, session.token, deps.auth.sessions.absoluteMs);
    req.log?.info({ userId: user.id }, 'user signed in');
    res.json(sessionPayload(user, session.csrfToken));
  });

  r.get('/api/v1/auth/session', 'authenticated', async (req, res) => {
    const principal = req.principal!;
    if (principal.via !== 'session') {
      res.json({
        client: { id: principal.id, roles: principal.roles },
        permissions: [...principal.permissions],
      });
      return;
    }
    const user = await findUserById(db, principal.id);
    if (!user) throw unauthorized('The account no longer exists.');
    res.json(sessionPayload(user, principal.session!.csrfToken));
  });

  r.post('/api/v1/auth/logout', 'authenticated', async (req, res) => {
    const session = req.principal?.session;
    if (session) await deleteSession(db, session.idHash);
    setCookie(res, '', 0);
    res.status(204).end();
  });
}
