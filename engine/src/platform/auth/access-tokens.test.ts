import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueAccessToken, verifyAccessToken, type TokenSettings } from './access-tokens.js';
import { generateSigningKeyJson, loadSigningKeys, type SigningKeys } from './signing-keys.js';

let keys: SigningKeys;
let otherKeys: SigningKeys;
const settings: TokenSettings = { issuer: 'tramit', audience: 'tramit-api', ttlSeconds: 60 };

beforeAll(async () => {
  keys = await loadSigningKeys(await generateSigningKeyJson());
  otherKeys = await loadSigningKeys(await generateSigningKeyJson());
});
afterEach(() => vi.useRealTimers());

const issue = async (clientId = 'billing') =>
  (
    await issueAccessToken(keys, settings, {
      clientId,
      roles: ['integration'],
      scopes: null,
      secretGeneration: 0,
    })
  ).accessToken;

describe('verifyAccessToken', () => {
  it('answers the same claims for a token it has verified before', async () => {
    const token = await issue();
    const first = await verifyAccessToken(keys, settings, token);
    expect(first).toEqual({ clientId: 'billing', roles: ['integration'], scopes: null, secretGeneration: 0 });
    expect(await verifyAccessToken(keys, settings, token)).toEqual(first);
  });

  it('carries the granted scopes and the secret generation', async () => {
    const { accessToken } = await issueAccessToken(keys, settings, {
      clientId: 'worker',
      roles: ['integration'],
      scopes: ['jobs:work', 'messages:publish'],
      secretGeneration: 3,
    });
    const payload = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ scope: 'jobs:work messages:publish', sgen: 3 });
    expect(await verifyAccessToken(keys, settings, accessToken)).toMatchObject({
      scopes: ['jobs:work', 'messages:publish'],
      secretGeneration: 3,
    });
  });

  it('still refuses a tampered token after verifying the genuine one', async () => {
    const token = await issue();
    await verifyAccessToken(keys, settings, token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${signature}`;
    await expect(verifyAccessToken(keys, settings, forged)).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
  });

  it('refuses a remembered token once it has expired', async () => {
    const token = await issue();
    await verifyAccessToken(keys, settings, token);
    vi.useFakeTimers({ now: Date.now() + 66_000, toFake: ['Date'] });
    await expect(verifyAccessToken(keys, settings, token)).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('does not carry a verification over to other keys or settings', async () => {
    const token = await issue();
    await verifyAccessToken(keys, settings, token);
    await expect(verifyAccessToken(otherKeys, settings, token)).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
    await expect(
      verifyAccessToken(keys, { ...settings, audience: 'someone-else' }, token),
    ).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
