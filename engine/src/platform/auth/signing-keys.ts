import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';

type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

export interface SigningKeys {
  /** The key new tokens are signed with: the first of the configured list. */
  active: { kid: string; alg: string; key: ImportedKey };
  /** Resolves any configured key by `kid`, so tokens signed before a rotation stay valid until they expire. */
  verificationKey: JWTVerifyGetKey;
  /** Public halves of every configured key, served at /.well-known/jwks.json. */
  jwks: { keys: JWK[] };
}

const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const;
const allowedAlgs = new Set([
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
]);

export class SigningKeysError extends Error {}

/**
 * Parses `TRAMIT_JWT_KEYS`: a JWK Set (`{"keys":[...]}`) or an array of private JWKs, each with `kid`
 * and `alg`. To rotate: put the new key first and keep the old one after it until old tokens expire.
 */
export async function loadSigningKeys(json: string): Promise<SigningKeys> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new SigningKeysError('not valid JSON');
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(list) || list.length === 0)
    throw new SigningKeysError('expected a non-empty list of JWKs');
  const seen = new Set<string>();
  const publicKeys: JWK[] = [];
  for (const [index, jwk] of (list as JWK[]).entries()) {
    if (typeof jwk?.kid !== 'string' || !jwk.kid)
      throw new SigningKeysError(`key ${index}: "kid" is required`);
    if (seen.has(jwk.kid)) throw new SigningKeysError(`key ${index}: duplicate kid "${jwk.kid}"`);
    if (!jwk.alg || !allowedAlgs.has(jwk.alg))
      throw new SigningKeysError(`key ${index}: "alg" must be one of ${[...allowedAlgs].join(', ')}`);
    if (!jwk.d) throw new SigningKeysError(`key ${index}: must be a private key (asymmetric, with "d")`);
    seen.add(jwk.kid);
    publicKeys.push(toPublicJwk(jwk));
  }
  const first = list[0] as JWK & { kid: string; alg: string };
  let key: ImportedKey;
  try {
    key = await importJWK(first, first.alg);
  } catch (error) {
    throw new SigningKeysError(`key 0: cannot be imported (${(error as Error).message})`);
  }
  const jwks = { keys: publicKeys };
  return { active: { kid: first.kid, alg: first.alg, key }, verificationKey: createLocalJWKSet(jwks), jwks };
}

function toPublicJwk(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk, use: 'sig' };
  for (const member of privateMembers) delete copy[member];
  delete copy.key_ops;
  return copy as JWK;
}

/** A fresh ES256 key as a one-element JWK list (JSON): for TRAMIT_JWT_KEYS, or a development data directory. */
export async function generateSigningKeyJson(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  // The RFC 7638 thumbprint: unique per key, and recomputable by anyone holding the public key.
  return JSON.stringify([{ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'ES256' }]);
}
