import { timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request } from 'express';
import type { Db } from '../../infra/db/create-knex.js';
import { forbidden, unauthorized } from '../../infra/errors/app-error.js';
import { verifyAccessToken, type AccessTokenClaims, type TokenSettings } from './access-tokens.js';
import type { ClientStatusCache } from './client-status-cache.js';
import type { Principal } from './principal.js';
import { permissionsOf } from './roles.js';
import { permissionsOfGrant } from './scopes.js';
import { resolveSession, type SessionSettings } from './sessions-repo.js';
import type { SigningKeys } from './signing-keys.js';
import { findUserById } from './users-repo.js';

export interface AuthSettings {
  db: Db;
  sessions: SessionSettings;
  keys: SigningKeys;
  tokens: TokenSettings;
  cookieName: string;
  /** Origins allowed to send cookie-authenticated writes besides the request's own. */
  trustedOrigins: string[];
  clients: {
    /** Whether a token's client is still active, and what it may do now. */
    status: ClientStatusCache;
    /** The longest grace period a secret rotation may give the old secret. */
    maxGraceSeconds: number;
  };
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: a machine with a bearer JWT or a person with a session cookie. A bad credential
 * is a 401, never an anonymous fallback. Cookie-authenticated writes must carry the session's CSRF
 * token and, when the browser sends one, a same-origin Origin header.
 */
export async function authenticate(settings: AuthSettings, req: Request): Promise<Principal | undefined> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthorized('Only Bearer tokens are accepted.');
    const claims = await verifyAccessToken(settings.keys, settings.tokens, token);
    return clientPrincipal(settings, claims);
  }
  const cookieValue = req.headers.cookie ? parseCookies(req.headers.cookie)[settings.cookieName] : undefined;
  if (!cookieValue) return undefined;
  const session = await resolveSession(settings.db, settings.sessions, cookieValue);
  if (!session) throw unauthorized('The session has expired; sign in again.');
  const user = await findUserById(settings.db, session.user_id);
  if (!user || !user.active) throw unauthorized('The account is disabled.');
  if (!safeMethods.has(req.method)) checkCsrf(settings, req, session.csrf_token);
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    roles: user.roles,
    permissions: new Set(permissionsOf(user.roles)),
    via: 'session',
    session: { idHash: session.id_hash, csrfToken: session.csrf_token },
  };
}

/**
 * A token's rights: what its claims grant AND what its client may do now (a change of roles or
 * scopes narrows tokens already issued). A revoked or removed client, or a token of a secret that a
 * rotation ended, is a 401.
 */
async function clientPrincipal(settings: AuthSettings, claims: AccessTokenClaims): Promise<Principal> {
  const client = await settings.clients.status.get(claims.clientId);
  if (!client?.active) throw unauthorized('The OAuth client of this access token has been revoked.');
  if (claims.secretGeneration < client.minTokenGeneration) {
    throw unauthorized('The access token was issued with a client secret that has since been rotated.');
  }
  const now = new Set(permissionsOfGrant(client.roles, client.scopes));
  const permissions = permissionsOfGrant(claims.roles, claims.scopes).filter((p) => now.has(p));
  return {
    kind: 'client',
    id: claims.clientId,
    name: claims.clientId,
    roles: claims.roles.filter((role) => client.roles.includes(role)),
    ...(claims.scopes === null ? {} : { scopes: claims.scopes }),
    permissions: new Set(permissions),
    via: 'token',
  };
}

export function checkSameOrigin(settings: Pick<AuthSettings, 'trustedOrigins'>, req: Request): void {
  const origin = req.headers.origin;
  if (!origin) return;
  const own = `${req.protocol}://${req.get('host')}`;
  if (origin !== own && !settings.trustedOrigins.includes(origin)) {
    throw forbidden(`Requests from origin ${origin} are not allowed.`);
  }
}

function checkCsrf(settings: AuthSettings, req: Request, expected: string): void {
  checkSameOrigin(settings, req);
  const sent = req.get('x-csrf-token') ?? '';
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw forbidden('Missing or wrong X-CSRF-Token header for a session-authenticated change.');
  }
}
