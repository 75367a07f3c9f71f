import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './clients-repo.js';
import { generateSigningKeyJson } from './signing-keys.js';
import { request } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let oldKeys: string;
let newKeys: string;
let before: TestServer;
let after: TestServer;

const secret = 'integration-secret-value';

async function token(server: TestServer, body: Record<string, string>, headers: Record<string, string> = {}) {
  return request(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });
}

beforeAll(async () => {
  oldKeys = await generateSigningKeyJson();
  newKeys = await generateSigningKeyJson();
  // Two servers: one before a key rotation, one after it (new key first, old key kept for verification).
  before = await startTestServer({ TRAMIT_JWT_KEYS: oldKeys, TRAMIT_TOKEN_TTL_SECONDS: '120' });
  const rotated = JSON.stringify([...JSON.parse(newKeys), ...JSON.parse(oldKeys)]);
  after = await startTestServer({ TRAMIT_JWT_KEYS: rotated });
  for (const server of [before, after]) {
    await createClient(server.tramit.db, { clientId: 'billing', name: 'Billing', secret, roles: ['admin'] });
  }
});
afterAll(async () => {
  await before.close();
  await after.close();
});

describe('OAuth2 client credentials', () => {
  it('issues a short-lived JWT for credentials in the form body, verifiable with the JWKS', async () => {
    const response = await token(before, {
      grant_type: 'client_credentials',
      client_id: 'billing',
      client_secret: secret,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 120 });

    const jwks = await request(`${before.url}/.well-known/jwks.json`);
    const keys = (jwks.body as { keys: Record<string, unknown>[] }).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toHaveProperty('d');
    const { payload, protectedHeader } = await jwtVerify(
      response.body.access_token as string,
      createLocalJWKSet(jwks.body as never),
      { audience: 'tramit-api', issuer: 'tramit' },
    );
    expect(protectedHeader.kid).toBe(keys[0]!.kid);
    expect(payload).toMatchObject({ sub: 'billing', roles: ['admin'] });
    expect(payload.exp! - payload.iat!).toBe(120);
  });

  it('accepts HTTP Basic client authentication and the token opens the API', async () => {
    const basic = Buffer.from(`billing:${secret}`).toString('base64');
    const response = await token(
      before,
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${basic}` },
    );
    expect(response.status).toBe(200);
    const users = await request(`${before.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${response.body.access_token as string}` },
    });
    expect(users.status).toBe(200);
  });

  it('answers OAuth errors that clients understand', async () => {
    const wrong = await token(before, {
      grant_type: 'client_credentials',
      client_id: 'billing',
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_client', status: 401 });
    const unknown = await token(before, {
      grant_type: 'client_credentials',
      client_id: 'ghost',
      client_secret: 'x',
    });
    expect(unknown.body.error).toBe('invalid_client');
    const grant = await token(before, {
      grant_type: 'password',
      client_id: 'billing',
      client_secret: secret,
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('unsupported_grant_type');
    const audience = await token(before, {
      grant_type: 'client_credentials',
      client_id: 'billing',
      client_secret: secret,
      audience: 'elsewhere',
    });
    expect(audience.body.error).toBe('invalid_target');
  });

  it('supports key rotation: new tokens use the new key, tokens signed with the old key stay valid', async () => {
    const jwks = await request(`${after.url}/.well-known/jwks.json`);
    const kids = (jwks.body as { keys: { kid: string }[] }).keys.map((k) => k.kid);
    expect(kids).toEqual([JSON.parse(newKeys)[0].kid, JSON.parse(oldKeys)[0].kid]);

    const fresh = await token(after, {
      grant_type: 'client_credentials',
      client_id: 'billing',
      client_secret: secret,
    });
    const header = JSON.parse(
      Buffer.from((fresh.body.access_token as string).split('.')[0]!, 'base64url').toString(),
    );
    expect(header.kid).toBe(kids[0]);

    const old = await token(before, {
      grant_type: 'client_credentials',
      client_id: 'billing',
      client_secret: secret,
    });
    const accepted = await request(`${after.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${old.body.access_token as string}` },
    });
    expect(accepted.status).toBe(200);
  });

  it('a token does not survive the removal of its key', async () => {
    const current = await token(after, {
      grant_type: 'client_credentials',
      client_id: 'billing',
      client_secret: secret,
    });
    const rejected = await request(`${before.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${current.body.access_token as string}` },
    });
    expect(rejected.status).toBe(401);
  });
});
