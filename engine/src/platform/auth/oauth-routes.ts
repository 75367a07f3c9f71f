import express, { type Request, type Response } from 'express';
import { issueAccessToken, type TokenSettings } from './access-tokens.js';
import { findClient, recordClientUse, type ClientRow } from './clients-repo.js';
import { grantScopes } from './scopes.js';
import { verifyAgainstDummy, verifySecret } from './password.js';
import type { SignInProtection } from './sign-in-protection.js';
import type { SigningKeys } from './signing-keys.js';
import type { Db } from '../../infra/db/create-knex.js';
import { problemType } from '../../http/problem.js';
import { AppError } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';

export interface OAuthDeps {
  db: Db;
  keys: SigningKeys;
  tokens: TokenSettings;
  bodyLimit: string;
  signIn: SignInProtection;
}

/**
 * RFC 6749 errors (`error`, `error_description`) so OAuth client libraries understand them, with the
 * RFC 9457 members alongside so they read like every other Tramit error.
 */
function oauthError(
  res: Response,
  status: number,
  error: string,
  description: string,
  retryAfterSeconds?: number,
): void {
  if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="tramit"');
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
  res
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .json({
      error,
      error_description: description,
      type: problemType(`oauth-${error.replaceAll('_', '-')}`),
      title: error,
      status,
      detail: description,
    });
}

function clientCredentials(req: Request): { id?: string; secret?: string } {
  const header = req.get('authorization');
  if (header?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        id: decodeURIComponent(decoded.slice(0, colon)),
        secret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  return {
    id: typeof body.client_id === 'string' ? body.client_id : undefined,
    secret: typeof body.client_secret === 'string' ? body.client_secret : undefined,
  };
}

/**
 * The generation of the secret that matches: the current one, or the one before a rotation while
 * its grace period lasts. `false` when neither matches.
 */
async function secretGeneration(client: ClientRow, secret: string): Promise<number | false> {
  if (await verifySecret(secret, client.secret_hash)) return client.secret_generation;
  const until = client.previous_secret_until ? new Date(client.previous_secret_until).getTime() : 0;
  if (client.previous_secret_hash && until > Date.now()) {
    if (await verifySecret(secret, client.previous_secret_hash)) return client.secret_generation - 1;
  }
  return false;
}

/** The generation of a secret recognised from memory by the hash it matched, if it still holds. */
function recalledGeneration(client: ClientRow, hash: string): number | false {
  if (client.secret_hash === hash) return client.secret_generation;
  const until = client.previous_secret_until ? new Date(client.previous_secret_until).getTime() : 0;
  if (client.previous_secret_hash === hash && until > Date.now()) return client.secret_generation - 1;
  return false;
}

/**
 * The client, if the secret is its; answers the error itself when not. A secret that verified
 * recently is recognised without a hash or a bucket; every other attempt takes a token per source
 * address and per client id (given back when it succeeds) before it reads the database or waits
 * for the hash pool.
 */
async function checkClient(
  signIn: SignInProtection,
  req: Request,
  res: Response,
  id: string,
  secret: string,
  db: Db,
): Promise<{ client: ClientRow; generation: number } | undefined> {
  const verifiedHash = signIn.recentlyVerified(id, secret);
  if (verifiedHash) {
    const known = await findClient(db, id);
    const generation = known?.active ? recalledGeneration(known, verifiedHash) : false;
    if (known && generation !== false) return { client: known, generation };
  }
  const address = req.ip ?? 'unknown';
  const byAddress = signIn.byAddress.take(address);
  const refused = byAddress ?? signIn.byClient.take(id);
  if (refused) {
    if (!byAddress) signIn.byAddress.refund(address);
    oauthError(
      res,
      429,
      'temporarily_unavailable',
      'Too many failed attempts; slow down.',
      refused.retryAfterSeconds,
    );
    return undefined;
  }
  const client = await findClient(db, id);
  const refund = () => {
    signIn.byAddress.refund(address);
    signIn.byClient.refund(id);
  };
  let generation: number | false;
  try {
    generation = await signIn.hashes.run(address, async () =>
      client?.active ? secretGeneration(client, secret) : (await verifyAgainstDummy(secret)) && false,
    );
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'unavailable') throw error;
    // The buckets keep the token: a flood that keeps the pool full must still drain its own.
    oauthError(res, 503, 'temporarily_unavailable', error.message, 1);
    return undefined;
  }
  if (!client || generation === false) {
    oauthError(res, 401, 'invalid_client', 'Unknown client or wrong secret.');
    return undefined;
  }
  refund();
  const hash = generation === client.secret_generation ? client.secret_hash : client.previous_secret_hash!;
  signIn.rememberVerified(id, secret, hash);
  return { client, generation };
}

export function oauthRoutes(r: SecureRouter, deps: OAuthDeps): void {
  r.post(
    '/oauth/token',
    'public',
    express.urlencoded({ extended: false, limit: deps.bodyLimit }),
    async (req: Request, res: Response) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (body.grant_type !== 'client_credentials') {
        oauthError(res, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
        return;
      }
      const { id, secret } = clientCredentials(req);
      if (!id || !secret) {
        oauthError(res, 401, 'invalid_client', 'Client authentication is required (HTTP Basic or body).');
        return;
      }
      const checked = await checkClient(deps.signIn, req, res, id, secret, deps.db);
      if (!checked) return;
      const { client, generation } = checked;
      if (body.audience !== undefined && body.audience !== deps.tokens.audience) {
        oauthError(res, 400, 'invalid_target', `The audience must be "${deps.tokens.audience}".`);
        return;
      }
      const granted = grantScopes(body.scope, client);
      if (!granted.ok) {
        oauthError(res, 400, granted.error, granted.description);
        return;
      }
      const { accessToken, expiresIn } = await issueAccessToken(deps.keys, deps.tokens, {
        clientId: client.client_id,
        roles: client.roles,
        scopes: granted.scopes,
        secretGeneration: generation,
      });
      await recordClientUse(deps.db, client.client_id);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
      res.json({
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: expiresIn,
        // The granted scopes; a token without a scope limit answers its roles, as it always has.
        scope: (granted.scopes ?? client.roles).join(' '),
      });
    },
  );

  r.get('/.well-known/jwks.json', 'public', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(deps.keys.jwks);
  });
}
