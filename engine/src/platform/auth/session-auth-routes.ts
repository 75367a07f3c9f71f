import type { Request, Response } from 'express';
import { z } from 'zod';
import { checkSameOrigin } from './authenticate.js';
import { releaseAttempt } from './login-attempts-repo.js';
import { createChallenge } from './mfa-challenges-repo.js';
import { findMfa } from './mfa-repo.js';
import { checkPassword, sourceOf, type SignInDeps } from './password-sign-in.js';
import { deleteSession } from './sessions-repo.js';
import { sessionPayload, setSessionCookie, startSession } from './session-start.js';
import { findUserById, type UserRow } from './users-repo.js';
import { unauthorized } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';

const loginBody = z.object({
  username: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1024),
});

export function mfaRequiredFor(deps: SignInDeps, user: UserRow): boolean {
  return user.roles.some((role) => deps.signIn.settings.mfaRequiredRoles.includes(role));
}

export function sessionAuthRoutes(r: SecureRouter, deps: SignInDeps): void {
  const { db } = deps.auth;

  /**
   * A right password opens a session, or, when the user has a second factor (or must have one),
   * answers `mfaRequired` with a short-lived token for `/api/v1/auth/login/mfa` and no session.
   */
  r.post('/api/v1/auth/login', 'public', async (req: Request, res: Response) => {
    checkSameOrigin(deps.auth, req);
    const { username, password } = parseInput(loginBody, req.body);
    const user = await checkPassword(deps, req, username, password);
    const mfa = await findMfa(db, user.id);
    if (mfa?.confirmed_at || mfaRequiredFor(deps, user)) {
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        mfaRequired: true,
        enrolmentRequired: !mfa?.confirmed_at,
        mfaToken: await createChallenge(db, user.id, sourceOf(req)),
      });
      return;
    }
    await releaseAttempt(db, user.username, sourceOf(req));
    await startSession(deps.auth, deps.secureCookies, req, res, user);
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
    setSessionCookie(deps.auth, deps.secureCookies, res, '', 0);
    res.status(204).end();
  });
}
