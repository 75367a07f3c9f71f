import { SignJWT, jwtVerify, errors } from 'jose';
import { unauthorized } from '../http/problem.js';
import { isRole, type Role } from './roles.js';
import type { SigningKeys } from './signing-keys.js';

export interface TokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface AccessTokenClaims {
  clientId: string;
  roles: Role[];
}

export async function issueAccessToken(
  keys: SigningKeys,
  settings: TokenSettings,
  claims: AccessTokenClaims,
): Promise<{ accessToken: string; expiresIn: number }> {
  const accessToken = await new SignJWT({ roles: claims.roles, client_id: claims.clientId })
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

/** Verifies signature, issuer, audience and expiry; any failure is a 401 that says why. */
export async function verifyAccessToken(
  keys: SigningKeys,
  settings: TokenSettings,
  token: string,
): Promise<AccessTokenClaims> {
  try {
    const { payload } = await jwtVerify(token, keys.verificationKey, {
      issuer: settings.issuer,
      audience: settings.audience,
      typ: 'at+jwt',
      clockTolerance: 5,
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isRole) : [];
    if (typeof payload.sub !== 'string') throw unauthorized('The access token has no subject.');
    return { clientId: payload.sub, roles };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired.');
    if (error instanceof errors.JOSEError)
      throw unauthorized(`The access token is not valid (${error.code}).`);
    throw error;
  }
}
