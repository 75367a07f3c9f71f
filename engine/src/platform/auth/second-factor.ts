import type { Request } from 'express';
import { z } from 'zod';
import { appendAudit } from '../audit/append-audit.js';
import { releaseAttempt, reserveAttempt, cancelAttempt } from './login-attempts-repo.js';
import {
  confirmEnrolment,
  findMfa,
  replaceRecoveryCodes,
  SecretBox,
  startEnrolment,
  useRecoveryCode,
  useStep,
  type MfaRow,
} from './mfa-repo.js';
import { sourceOf, tooManyAttempts, type SignInDeps } from './password-sign-in.js';
import { matchTotp, otpauthUri, base32Encode } from './totp.js';
import type { UserRow } from './users-repo.js';
import type { Db } from '../../infra/db/create-knex.js';
import { AppError, conflict } from '../../infra/errors/app-error.js';

export const factorFields = {
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'six digits from the authenticator app')
    .optional(),
  recoveryCode: z.string().trim().min(16).max(40).optional(),
};

export const oneFactor = <T extends { code?: string; recoveryCode?: string }>(value: T) =>
  (value.code === undefined) !== (value.recoveryCode === undefined);
export const oneFactorMessage = { message: 'give either code or recoveryCode', path: ['code'] };

export function secretBoxOf(deps: SignInDeps): SecretBox {
  return new SecretBox(deps.signIn.settings.mfaKey ?? deps.auth.sessions.secret);
}

/**
 * Checks a TOTP code (each once) or a recovery code (each once), counted like a password attempt
 * for the user name from this address, so a stolen password does not buy unlimited code guesses.
 * `status` is 401 while signing in and 400 for a signed-in user (whose session is fine).
 */
export async function checkSecondFactor(
  deps: SignInDeps,
  box: SecretBox,
  req: Request,
  user: UserRow,
  factor: { code?: string; recoveryCode?: string },
  status: 400 | 401,
): Promise<MfaRow> {
  const { db } = deps.auth;
  const { signIn } = deps;
  const address = sourceOf(req);
  const byAddress = signIn.byAddress.take(address);
  if (byAddress) throw tooManyAttempts(byAddress.retryAfterSeconds);
  const reservation = await reserveAttempt(db, signIn.settings, user.username, address);
  if (reservation.locked) throw tooManyAttempts(reservation.retryAfterSeconds);
  const mfa = await findMfa(db, user.id);
  if (!mfa) {
    await cancelAttempt(db, signIn.settings, user.username, address);
    throw conflict('No second factor is enrolled for this account.');
  }
  let ok = false;
  if (factor.code !== undefined) {
    const step = matchTotp(box.open(mfa.secret_enc), factor.code, Date.now(), Number(mfa.last_step));
    ok = step !== undefined && (await useStep(db, user.id, step));
  } else if (factor.recoveryCode !== undefined && mfa.confirmed_at) {
    ok = await useRecoveryCode(db, user.id, factor.recoveryCode);
  }
  if (!ok) {
    const field = factor.code !== undefined ? 'code' : 'recoveryCode';
    throw new AppError(
      status === 401 ? 'unauthenticated' : 'bad-input',
      'invalid-mfa-code',
      'The code is wrong, expired or already used.',
      {
        errors: [{ path: `/${field}`, message: 'wrong, expired or already used' }],
      },
    );
  }
  signIn.byAddress.refund(address);
  await releaseAttempt(db, user.username, address);
  return mfa;
}

/** A new secret waiting for its first code; shown this once. */
export async function beginEnrolment(db: Db, box: SecretBox, user: UserRow) {
  const existing = await findMfa(db, user.id);
  if (existing?.confirmed_at) throw conflict('A second factor is already enrolled; disable it first.');
  const secret = await startEnrolment(db, box, user.id);
  return { secret: base32Encode(secret), otpauthUri: otpauthUri(secret, user.username, 'Tramit') };
}

/** Confirms a pending enrolment (its code already checked): new recovery codes, audited. */
export async function finishEnrolment(db: Db, user: UserRow): Promise<string[]> {
  return db.transaction(async (trx) => {
    await confirmEnrolment(trx, user.id);
    const codes = await replaceRecoveryCodes(trx, user.id);
    await appendAudit(trx, [mfaAudit('mfa.enrol', user)]);
    return codes;
  });
}

export function mfaAudit(action: string, user: UserRow, actor?: { kind: 'user' | 'client'; id: string }) {
  return {
    action,
    entityType: 'user',
    entityId: user.id,
    actor: actor ?? { kind: 'user' as const, id: user.id },
    changes: [{ path: '/username', new: user.username }],
  };
}
