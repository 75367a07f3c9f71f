import type { Request, Response } from 'express';
import { z } from 'zod';
import { checkSameOrigin } from './authenticate.js';
import { deleteChallenge, peekChallenge, tryChallenge, type MfaChallenge } from './mfa-challenges-repo.js';
import { sourceOf, type SignInDeps } from './password-sign-in.js';
import {
  beginEnrolment,
  checkSecondFactor,
  factorFields,
  finishEnrolment,
  oneFactor,
  oneFactorMessage,
  secretBoxOf,
} from './second-factor.js';
import { startSession } from './session-start.js';
import { findUserById } from './users-repo.js';
import { AppError } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';

const mfaToken = z.string().min(20).max(200);
const stepBody = z
  .object({ mfaToken, ...factorFields })
  .strict()
  .refine(oneFactor, oneFactorMessage);
const enrolBody = z.object({ mfaToken }).strict();

const expired = () =>
  new AppError(
    'unauthenticated',
    'mfa-challenge-invalid',
    'This sign-in has expired or was tried too often; sign in again.',
  );

/** The second step of a sign-in: the code for the token `/api/v1/auth/login` answered. */
export function mfaLoginRoutes(r: SecureRouter, deps: SignInDeps): void {
  const { db } = deps.auth;
  const box = secretBoxOf(deps);

  const userOf = async (req: Request, challenge: MfaChallenge | undefined) => {
    if (!challenge || challenge.source !== sourceOf(req)) throw expired();
    const user = await findUserById(db, challenge.userId);
    if (!user?.active) throw expired();
    return user;
  };

  r.post('/api/v1/auth/login/mfa', 'public', async (req: Request, res: Response) => {
    checkSameOrigin(deps.auth, req);
    const input = parseInput(stepBody, req.body);
    const user = await userOf(req, await tryChallenge(db, input.mfaToken));
    const mfa = await checkSecondFactor(deps, box, req, user, input, 401);
    await deleteChallenge(db, input.mfaToken);
    const recoveryCodes = mfa.confirmed_at ? undefined : await finishEnrolment(db, user);
    await startSession(deps.auth, deps.secureCookies, req, res, user, recoveryCodes ? { recoveryCodes } : {});
  });

  /** For a role that requires a second factor and an account without one: enrol before the session. */
  r.post('/api/v1/auth/login/mfa/enrol', 'public', async (req: Request, res: Response) => {
    checkSameOrigin(deps.auth, req);
    const input = parseInput(enrolBody, req.body);
    const user = await userOf(req, await peekChallenge(db, input.mfaToken));
    res.setHeader('Cache-Control', 'no-store');
    res.json(await beginEnrolment(db, box, user));
  });
}
