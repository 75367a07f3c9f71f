import { SignJWT, jwtVerify, errors } from 'jose';
import { unauthorized } from '../../infra/errors/app-error.js';
import { isRole, type Role } from './roles.js';
import { isScope, type Scope } from './scopes.js';
import type { SigningKeys } from './signing-keys.js';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface AccessTokenClaims {
  clientId: string;
  roles: Role[];
  /** The granted scopes (claim `scope`, RFC 9068); null: no scope limit, the roles decide. */
  scopes: Scope[] | null;
  /** Generation of the client secret that got the token (claim `sgen`): a rotation can end older ones. */
  secretGeneration: number;
}

export async function issueAccessToken(
  keys: SigningKeys,
  settings: TokenSettings,
  claims: AccessTokenClaims,
): Promise<{ accessToken: string; expiresIn: number }> {
  const payload = {
    roles: claims.roles,
    client_id: claims.clientId,
    sgen: claims.secretGeneration,
    ...(claims.scopes === null ? {} : { scope: claims.scopes.join(' ') }),
  };
  const accessToken = await new SignJWT(payload)
    .setProtectedHeader({ alg: keys.active.alg, kid: keys.active.kid, typ: 'at+jwt' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(claims.clientId)
    .setIssuedAt()
    .setExpirationTime(`${settings.ttlSeconds}s`)
    .setJti(crypto.randomUUID())
    .sign(keys.active.key);
  return { accessToken, expiresIn: settings.ttlSeconds };
}

interface Verified {
  claims: AccessTokenClaims;
  /** Until when (epoch ms) the token is valid: its `exp`, with the clock tolerance. */
  until: number;
  keys: SigningKeys;
  settings: TokenSettings;
}

/** Tokens already verified, until they expire: an integration sends the same token for its lifetime. */
const verified = new Map<string, Verified>();
const maxVerified = 10_000;
const clockToleranceSeconds = 5;

/**
 * Verifies signature, issuer, audience and expiry; any failure is a 401 that says why. A token that
 * verified is remembered until its `exp`, so a caller reusing it does not pay for a signature check
 * on every request (whether its client is still active is checked by `authenticate`).
 */
export async function verifyAccessToken(
  keys: SigningKeys,
  settings: TokenSettings,
  token: string,
): Promise<AccessTokenClaims> {
  const known = verified.get(token);
  if (known && known.keys === keys && known.settings === settings && Date.now() < known.until) {
    return known.claims;
  }
  if (known) verified.delete(token);
  const { claims, until } = await verifyWithJose(keys, settings, token);
  if (verified.size >= maxVerified) verified.delete(verified.keys().next().value!);
  verified.set(token, { claims, until, keys, settings });
  return claims;
}

async function verifyWithJose(
  keys: SigningKeys,
  settings: TokenSettings,
  token: string,
): Promise<{ claims: AccessTokenClaims; until: number }> {
  try {
    const { payload } = await jwtVerify(token, keys.verificationKey, {
      issuer: settings.issuer,
      audience: settings.audience,
      typ: 'at+jwt',
      clockTolerance: clockToleranceSeconds,
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (typeof payload.sub !== 'string') throw unauthorized('The access token has no subject.');
    if (typeof payload.exp !== 'number') throw unauthorized('The access token has no expiry.');
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(isScope) : null;
    const secretGeneration = typeof payload.sgen === 'number' ? payload.sgen : 0;
    return {
      claims: { clientId: payload.sub, roles, scopes, secretGeneration },
      until: (payload.exp + clockToleranceSeconds) * 1000,
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired.');
    if (error instanceof errors.JOSEError)
      throw unauthorized(`The access token is not valid (${error.code}).`);
    throw error;
  }
}
