import { SignJWT, importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKeyJson } from '../platform/auth/signing-keys.js';
import { BrowserSession, createTestUser, request, type JsonResponse } from '../../test/http-client.js';
import { startTestServer, testSigningKeys, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: BrowserSession;
let agent: BrowserSession;

beforeAll(async () => {
  server = await startTestServer({ TRAMIT_BODY_LIMIT: '2kb' });
  const db = server.tramit.db;
  admin = new BrowserSession(server.url);
  agent = new BrowserSession(server.url);
  const a = await createTestUser(db, 'admin');
  const g = await createTestUser(db, 'agent');
  await admin.login(a.username, a.password);
  await agent.login(g.username, g.password);
});
afterAll(() => server.close());

const userCount = async () => Number((await server.tramit.db('users').count({ n: '*' }))[0]!.n);

function expectProblem(response: JsonResponse, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, type: expect.stringMatching(/^urn:tramit:problem:/) });
  expect(typeof response.body.title).toBe('string');
  expect(typeof response.body.detail).toBe('string');
}

async function signedToken(keysJson: string, claims: { exp?: number; aud?: string } = {}): Promise<string> {
  const [jwk] = JSON.parse(keysJson) as (JWK & { kid: string })[];
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'ES256', kid: jwk!.kid, typ: 'at+jwt' })
    .setIssuer('tramit')
    .setAudience(claims.aud ?? 'tramit-api')
    .setSubject('forger')
    .setIssuedAt(now - 600)
    .setExpirationTime(claims.exp ?? now + 300)
    .sign(await importJWK(jwk!, 'ES256'));
}

const newUser = {
  username: 'newcomer',
  displayName: 'New',
  password: 'long-enough-password',
  roles: ['agent'],
};

describe('bad input gets a problem document and changes nothing', () => {
  it('malformed JSON → 400', async () => {
    const before = await userCount();
    const response = await admin.send('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": "x",',
    });
    expectProblem(response, 400);
    expect(await userCount()).toBe(before);
  });

  it('a body over the limit → 413', async () => {
    const before = await userCount();
    const response = await admin.send('/api/v1/users', {
      method: 'POST',
      json: { ...newUser, displayName: 'x'.repeat(4096) },
    });
    expectProblem(response, 413);
    expect(await userCount()).toBe(before);
  });

  it.each([
    [
      'nests deeper than 64 levels',
      // The body is level 1, so its 64th array is level 65.
      `{"username":${'['.repeat(64)}${']'.repeat(64)}}`,
      `/username${'/0'.repeat(63)}`,
      'TRAMIT_JSON_MAX_DEPTH',
    ],
    ['holds a NUL', '{"username":"ad\\u0000min"}', '/username', 'NUL'],
    ['holds a lone surrogate', '{"displayName":["ok","\\ud800"]}', '/displayName/1', 'surrogate'],
    ['has a key with a NUL', '{"a\\u0000b":1}', '/a\u0000b', 'key'],
  ])('a JSON body that %s → 400 naming where', async (_what, body, path, message) => {
    const before = await userCount();
    const response = await admin.send('/api/v1/users', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([{ path, message: expect.stringContaining(message) }]);
    expect(await userCount()).toBe(before);
  });

  it('a valid JSON body with bad fields → 400 listing each field', async () => {
    const before = await userCount();
    const response = await admin.send('/api/v1/users', {
      method: 'POST',
      json: { username: 'x y', displayName: 'X', password: 'short', roles: ['emperor'] },
    });
    expectProblem(response, 400);
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['/password', '/roles/0', '/username']);
    expect(await userCount()).toBe(before);
  });

  it('an unknown route → 404', async () => {
    expectProblem(await request(`${server.url}/api/v1/no-such-thing`), 404);
    expectProblem(await request(`${server.url}/api/v1/no-such-thing`, { method: 'POST', json: {} }), 404);
  });

  it('no credentials → 401', async () => {
    const before = await userCount();
    expectProblem(await request(`${server.url}/api/v1/users`), 401);
    expectProblem(await request(`${server.url}/api/v1/users`, { method: 'POST', json: newUser }), 401);
    expect(await userCount()).toBe(before);
  });

  it('the wrong role → 403', async () => {
    const before = await userCount();
    expectProblem(await agent.send('/api/v1/users'), 403);
    const response = await agent.send('/api/v1/users', { method: 'POST', json: newUser });
    expectProblem(response, 403);
    expect(response.body.detail).toContain('users.write');
    expect(await userCount()).toBe(before);
  });

  it('an expired JWT → 401', async () => {
    const token = await signedToken(await testSigningKeys(), { exp: Math.floor(Date.now() / 1000) - 60 });
    const response = await request(`${server.url}/api/v1/users`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expectProblem(response, 401);
    expect(response.body.detail).toMatch(/expired/);
  });

  it('a JWT signed with a key the server does not know → 401', async () => {
    const before = await userCount();
    const token = await signedToken(await generateSigningKeyJson());
    const response = await request(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      json: newUser,
    });
    expectProblem(response, 401);
    expect(await userCount()).toBe(before);
  });

  it('a JWT for another audience, or a tampered one → 401', async () => {
    const keys = await testSigningKeys();
    const foreign = await signedToken(keys, { aud: 'someone-else' });
    expectProblem(
      await request(`${server.url}/api/v1/users`, { headers: { authorization: `Bearer ${foreign}` } }),
      401,
    );
    const good = await signedToken(keys);
    const [h, p, s] = good.split('.');
    const tampered = `${h}.${p!.slice(0, -2)}AA.${s}`;
    expectProblem(
      await request(`${server.url}/api/v1/users`, { headers: { authorization: `Bearer ${tampered}` } }),
      401,
    );
  });

  it('a valid admin request after all that succeeds (the checks above were not vacuous)', async () => {
    const before = await userCount();
    const response = await admin.send('/api/v1/users', { method: 'POST', json: newUser });
    expect(response.status).toBe(201);
    expect(await userCount()).toBe(before + 1);
  });
});
