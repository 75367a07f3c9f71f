import type { Request } from 'express';
import type { AuthSettings } from './authenticate.js';
import { cancelAttempt, reserveAttempt } from './login-attempts-repo.js';
import { verifyAgainstDummy, verifySecret } from './password.js';
import type { SignInProtection } from './sign-in-protection.js';
import { findUserByUsername, type UserRow } from './users-repo.js';
import { AppError, tooManyRequests } from '../../infra/errors/app-error.js';

export interface SignInDeps {
  auth: AuthSettings;
  secureCookies: boolean;
  signIn: SignInProtection;
}

export const invalidCredentials = () =>
  new AppError('unauthenticated', 'invalid-credentials', 'Invalid user name or password.');

export const tooManyAttempts = (retryAfterSeconds: number) =>
  tooManyRequests(
    retryAfterSeconds >= 60
      ? `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`
      : `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds.`,
    retryAfterSeconds,
  );

export function sourceOf(req: Request): string {
  return req.ip ?? 'unknown';
}

/**
 * The user whose password this is, or a 401 that reads and takes the same for an unknown name, an
 * inactive account and a wrong password. Before any hash: a token from the source address's
 * bucket, a reserved attempt for the name from that address (the lock, shared through the
 * database), and, from an address the owner has not signed in from, a token from the account's
 * bucket. A guess flood from elsewhere thus locks only its own addresses out. The attempt stays
 * counted as a failure until `releaseAttempt` (after the second factor, when there is one).
 */
export async function checkPassword(
  deps: SignInDeps,
  req: Request,
  username: string,
  password: string,
): Promise<UserRow> {
  const { signIn } = deps;
  const { db } = deps.auth;
  const address = sourceOf(req);
  const account = username.toLowerCase();

  const byAddress = signIn.byAddress.take(address);
  if (byAddress) throw tooManyAttempts(byAddress.retryAfterSeconds);
  const reservation = await reserveAttempt(db, signIn.settings, account, address);
  if (reservation.locked) throw tooManyAttempts(reservation.retryAfterSeconds);
  const usesAccountBucket = !reservation.knownAddress;
  const refund = () => {
    signIn.byAddress.refund(address);
    if (usesAccountBucket) signIn.byAccount.refund(account);
  };
  if (usesAccountBucket) {
    const byAccount = signIn.byAccount.take(account);
    if (byAccount) {
      signIn.byAddress.refund(address);
      await cancelAttempt(db, signIn.settings, account, address);
      throw tooManyAttempts(byAccount.retryAfterSeconds);
    }
  }

  const user = await findUserByUsername(db, username);
  let valid: boolean;
  try {
    valid = await signIn.hashes.run(address, () =>
      user?.active ? verifySecret(password, user.password_hash) : verifyAgainstDummy(password),
    );
  } catch (error) {
    // Refused by the full pool: not a checked attempt (so no lock), but the buckets keep the token,
    // or a flood that keeps the pool full would never drain its own bucket.
    await cancelAttempt(db, signIn.settings, account, address);
    throw error;
  }
  if (!user?.active || !valid) throw invalidCredentials();
  refund();
  return user;
}
