import express, { type Request, type Response } from 'express';
import { issueAccessToken, type TokenSettings } from './access-tokens.js';
import { findClient, type ClientRow } from './clients-repo.js';
import { verifyAgainstDummy, verifySecret } from './password.js';
import type { SignInProtection } from './sign-in-protection.js';
import type { SigningKeys } from './signing-keys.js';
import type { Db } from '../../infra/db/create-knex.js';
import { Problem, problemType } from '../../http/problem.js';
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
): Promise<ClientRow | undefined> {
  const verifiedHash = signIn.recentlyVerified(id, secret);
  if (verifiedHash) {
    const known = await findClient(db, id);
    if (known?.active && known.secret_hash === verifiedHash) return known;
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
  let valid: boolean;
  try {
    valid = await signIn.hashes.run(address, () =>
      client?.active ? verifySecret(secret, client.secret_hash) : verifyAgainstDummy(secret),
    );
  } catch (error) {
    if (!(error instanceof Problem) || error.status !== 503) throw error;
    // The buckets keep the token: a flood that keeps the pool full must still drain its own.
    oauthError(res, 503, 'temporarily_unavailable', error.message, 1);
    return undefined;
  }
  if (!client || !valid) {
    oauthError(res, 401, 'invalid_client', 'Unknown client or wrong secret.');
    return undefined;
  }
  refund();
  signIn.rememberVerified(id, secret, client.secret_hash);
  return client;
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
      const client = await checkClient(deps.signIn, req, res, id, secret, deps.db);
      if (!client) return;
      if (body.audience !== undefined && body.audience !== deps.tokens.audience) {
        oauthError(res, 400, 'invalid_target', `The audience must be "${deps.tokens.audience}".`);
        return;
      }
      const { accessToken, expiresIn } = await issueAccessToken(deps.keys, deps.tokens, {
        clientId: client.client_id,
        roles: client.roles,
      });
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Pragma', 'no-cache');
      res.json({
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: expiresIn,
        scope: client.roles.join(' '),
      });
    },
  );

  r.get('/.well-known/jwks.json', 'public', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(deps.keys.jwks);
  });
}
