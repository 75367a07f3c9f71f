import type { Request } from 'express';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.js';
import { countRecoveryCodesLeft, deleteMfa, findMfa, replaceRecoveryCodes } from './mfa-repo.js';
import type { SignInDeps } from './password-sign-in.js';
import {
  beginEnrolment,
  checkSecondFactor,
  factorFields,
  finishEnrolment,
  mfaAudit,
  oneFactor,
  oneFactorMessage,
  secretBoxOf,
} from './second-factor.js';
import { mfaRequiredFor } from './session-auth-routes.js';
import { findUserById } from './users-repo.js';
import { conflict, forbidden, unauthorized } from '../../http/problem.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';

const factorBody = z.object(factorFields).strict().refine(oneFactor, oneFactorMessage);
const codeBody = z.object({ code: factorFields.code.unwrap() }).strict();

/** A signed-in person's own second factor: status, enrolment, recovery codes, disabling. */
export function mfaRoutes(r: SecureRouter, deps: SignInDeps): void {
  const { db } = deps.auth;
  const box = secretBoxOf(deps);

  const me = async (req: Request) => {
    const principal = req.principal!;
    if (principal.kind !== 'user')
      throw forbidden('Only people have a second factor; clients use their secret.');
    const user = await findUserById(db, principal.id);
    if (!user) throw unauthorized('The account no longer exists.');
    return user;
  };

  r.get('/api/v1/auth/mfa', 'authenticated', async (req, res) => {
    const user = await me(req);
    const mfa = await findMfa(db, user.id);
    res.json({
      enabled: Boolean(mfa?.confirmed_at),
      pending: Boolean(mfa && !mfa.confirmed_at),
      required: mfaRequiredFor(deps, user),
      recoveryCodesLeft: mfa?.confirmed_at ? await countRecoveryCodesLeft(db, user.id) : 0,
    });
  });

  r.post('/api/v1/auth/mfa/enrol', 'authenticated', async (req, res) => {
    const user = await me(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(await beginEnrolment(db, box, user));
  });

  r.post('/api/v1/auth/mfa/confirm', 'authenticated', async (req, res) => {
    const user = await me(req);
    const { code } = parseInput(codeBody, req.body);
    const pending = await findMfa(db, user.id);
    if (!pending || pending.confirmed_at)
      throw conflict('There is no enrolment waiting for a code; start one first.');
    await checkSecondFactor(deps, box, req, user, { code }, 400);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ recoveryCodes: await finishEnrolment(db, user) });
  });

  r.post('/api/v1/auth/mfa/recovery-codes', 'authenticated', async (req, res) => {
    const user = await me(req);
    const factor = parseInput(factorBody, req.body);
    const mfa = await checkSecondFactor(deps, box, req, user, factor, 400);
    if (!mfa.confirmed_at) throw conflict('Confirm the enrolment first.');
    const recoveryCodes = await db.transaction(async (trx) => {
      const codes = await replaceRecoveryCodes(trx, user.id);
      await appendAudit(trx, [mfaAudit('mfa.recovery-codes', user)]);
      return codes;
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ recoveryCodes });
  });

  r.post('/api/v1/auth/mfa/disable', 'authenticated', async (req, res) => {
    const user = await me(req);
    const factor = parseInput(factorBody, req.body);
    if (mfaRequiredFor(deps, user)) {
      throw conflict('Your role requires a second factor; an administrator can reset it instead.');
    }
    await checkSecondFactor(deps, box, req, user, factor, 400);
    await db.transaction(async (trx) => {
      await deleteMfa(trx, user.id);
      await appendAudit(trx, [mfaAudit('mfa.disable', user)]);
    });
    res.status(204).end();
  });
}
