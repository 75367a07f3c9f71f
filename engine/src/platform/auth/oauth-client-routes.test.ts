import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './clients-repo.js';
import { BrowserSession, createTestUser, request } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
let admin: BrowserSession;
let agent: BrowserSession;

type Created = { clientId: string; clientSecret: string; scopes: string[] | null; status: string };

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn', TRAMIT_CLIENT_SECRET_MAX_GRACE_SECONDS: '3600' });
  for (const [role, session] of [
    ['admin', (admin = new BrowserSession(server.url))],
    ['agent', (agent = new BrowserSession(server.url))],
  ] as const) {
    const user = await createTestUser(server.tramit.db, role);
    await session.login(user.username, user.password);
  }
});
afterAll(() => server.close());

function token(clientId: string, secret: string, scope?: string) {
  return request<{ access_token: string; scope: string; error?: string }>(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      ...(scope === undefined ? {} : { scope }),
    }).toString(),
  });
}

const bearer = (accessToken: string, path: string, init: RequestInit & { json?: unknown } = {}) =>
  request(`${server.url}${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${accessToken}` },
  });

/** A v2 call only a job worker may make: 200 (no jobs) when allowed. */
const activateJobs = (accessToken: string) =>
  bearer(accessToken, '/v2/jobs/activation', {
    method: 'POST',
    json: { type: 'none-such', maxJobsToActivate: 1, timeout: 1000, requestTimeout: 1 },
  });
const listPersons = (accessToken: string) => bearer(accessToken, '/api/v1/entities/person?limit=1');

async function create(body: Record<string, unknown>): Promise<Created> {
  const response = await admin.send<Created>('/api/v1/oauth-clients', { method: 'POST', json: body });
  expect(response.status).toBe(201);
  return response.body;
}

async function auditOf(clientId: string): Promise<{ action: string; changes: unknown }[]> {
  return server.tramit
    .db('audit_log')
    .where({ entity_type: 'oauth-client', entity_id: clientId })
    .orderBy('seq')
    .select('action', 'changes');
}

describe('OAuth clients API', () => {
  it('creates a client, shows its secret once, and audits it without the secret', async () => {
    const created = await create({
      clientId: 'billing-sync',
      name: 'Billing sync',
      scopes: ['entities:read'],
    });
    expect(created).toMatchObject({ clientId: 'billing-sync', status: 'active', scopes: ['entities:read'] });
    expect(created).toMatchObject({ roles: ['integration'] });
    expect(created.clientSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const list = await admin.send<{
      items: Record<string, unknown>[];
      scopes: string[];
      usableScopes: Record<string, string[]>;
    }>('/api/v1/oauth-clients');
    const listed = list.body.items.find((c) => c.clientId === 'billing-sync');
    expect(listed).toMatchObject({ name: 'Billing sync', status: 'active', lastUsedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.clientSecret);
    expect(list.body.scopes).toContain('jobs:work');
    expect(list.body.usableScopes.integration).toContain('jobs:work');
    expect(list.body.usableScopes.agent).not.toContain('jobs:work');

    const entries = await auditOf('billing-sync');
    expect(entries).toEqual([expect.objectContaining({ action: 'create' })]);
    expect(JSON.stringify(entries)).not.toContain(created.clientSecret);

    const generated = await create({ name: 'Gestió de l’aigua' });
    expect(generated.clientId).toMatch(/^gestio-de-l-aigua-[0-9a-f]{6}$/);
    expect(generated.scopes).toBeNull();
  });

  it('refuses bad input with a 4xx naming the field, and changes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ name: '' }, 400, '/name'],
      [{ name: 'x', clientId: 'a:b' }, 400, '/clientId'],
      [{ name: 'x', roles: ['root'] }, 400, '/roles/0'],
      [{ name: 'x', scopes: ['everything'] }, 400, '/scopes/0'],
      [{ name: 'x', scopes: [] }, 400, '/scopes'],
      [{ name: 'x', roles: ['agent'], scopes: ['entities:read', 'jobs:work'] }, 400, '/scopes/1'],
      [{ name: 'x', secret: 'mine' }, 400, '/'],
    ];
    const before = await server.tramit.db('oauth_clients').count({ n: '*' });
    for (const [body, status, path] of cases) {
      const response = await admin.send<{ errors: { path: string }[] }>('/api/v1/oauth-clients', {
        method: 'POST',
        json: body,
      });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.errors.map((e) => e.path)).toContain(path);
    }
    const duplicate = await admin.send('/api/v1/oauth-clients', {
      method: 'POST',
      json: { clientId: 'billing-sync', name: 'Again' },
    });
    expect(duplicate.status).toBe(409);
    expect(await server.tramit.db('oauth_clients').count({ n: '*' })).toEqual(before);

    const rotate = await admin.send<{ errors: { path: string }[] }>(
      '/api/v1/oauth-clients/billing-sync/rotate-secret',
      { method: 'POST', json: { graceSeconds: 999_999 } },
    );
    expect(rotate.status).toBe(400);
    expect(rotate.body.errors[0]!.path).toBe('/graceSeconds');
    expect(
      (await admin.send('/api/v1/oauth-clients/ghost', { method: 'PATCH', json: { name: 'x' } })).status,
    ).toBe(404);
    expect(
      (await admin.send('/api/v1/oauth-clients/billing-sync', { method: 'PATCH', json: {} })).status,
    ).toBe(400);
  });

  it('is for admins only', async () => {
    expect((await agent.send('/api/v1/oauth-clients')).status).toBe(403);
    expect((await agent.send('/api/v1/oauth-clients', { method: 'POST', json: { name: 'x' } })).status).toBe(
      403,
    );
  });
});

describe('scopes', () => {
  it('a job-worker client gets a token for jobs only; elsewhere it is refused with 403', async () => {
    const worker = await create({ name: 'Worker', scopes: ['jobs:work'] });
    const issued = await token(worker.clientId, worker.clientSecret);
    expect(issued.status).toBe(200);
    expect(issued.body.scope).toBe('jobs:work');
    expect((await activateJobs(issued.body.access_token)).status).toBe(200);
    const refused = await listPersons(issued.body.access_token);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('scopes (jobs:work)');

    const notAllowed = await token(worker.clientId, worker.clientSecret, 'entities:read');
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body.error).toBe('invalid_scope');
    const unknown = await token(worker.clientId, worker.clientSecret, 'jobs:work root');
    expect(unknown.body.error).toBe('invalid_scope');

    const listed = await admin.send<{ items: { clientId: string; lastUsedAt: string | null }[] }>(
      '/api/v1/oauth-clients',
    );
    expect(listed.body.items.find((c) => c.clientId === worker.clientId)!.lastUsedAt).not.toBeNull();
  });

  it('grants the intersection of requested and allowed scopes', async () => {
    const both = await create({ name: 'Both', scopes: ['jobs:work', 'entities:read'] });
    const narrowed = await token(both.clientId, both.clientSecret, 'entities:read messages:publish');
    expect(narrowed.body.scope).toBe('entities:read');
    expect((await listPersons(narrowed.body.access_token)).status).toBe(200);
    expect((await activateJobs(narrowed.body.access_token)).status).toBe(403);
  });

  it('a client without scopes keeps its roles’ rights, and may ask for fewer', async () => {
    await createClient(server.tramit.db, {
      clientId: 'legacy',
      name: 'Legacy',
      secret: 'legacy-secret-value',
      roles: ['integration'],
    });
    const full = await token('legacy', 'legacy-secret-value');
    expect(full.body.scope).toBe('integration');
    expect((await activateJobs(full.body.access_token)).status).toBe(200);
    expect((await listPersons(full.body.access_token)).status).toBe(200);

    const asked = await token('legacy', 'legacy-secret-value', 'jobs:work');
    expect(asked.body.scope).toBe('jobs:work');
    expect((await listPersons(asked.body.access_token)).status).toBe(403);
  });

  it('narrowing a client’s scopes narrows the tokens it already holds', async () => {
    const client = await create({ name: 'Narrowed', scopes: ['jobs:work', 'entities:read'] });
    const issued = await token(client.clientId, client.clientSecret);
    expect((await listPersons(issued.body.access_token)).status).toBe(200);
    const patched = await admin.send(`/api/v1/oauth-clients/${client.clientId}`, {
      method: 'PATCH',
      json: { scopes: ['jobs:work'], name: 'Narrowed worker' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Narrowed worker', scopes: ['jobs:work'] });
    expect((await listPersons(issued.body.access_token)).status).toBe(403);
    expect((await activateJobs(issued.body.access_token)).status).toBe(200);
    const [, update] = await auditOf(client.clientId);
    expect(update).toMatchObject({ action: 'update' });
    expect(JSON.stringify(update!.changes)).toContain('entities:read');
  });
});

describe('rotation and revocation', () => {
  it('rotating without grace ends the old secret and the tokens it got', async () => {
    const client = await create({ name: 'Rotate now', scopes: ['jobs:work'] });
    const old = await token(client.clientId, client.clientSecret);
    const rotated = await admin.send<Created>(`/api/v1/oauth-clients/${client.clientId}/rotate-secret`, {
      method: 'POST',
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.clientSecret).not.toBe(client.clientSecret);
    expect((await token(client.clientId, client.clientSecret)).status).toBe(401);
    expect((await activateJobs(old.body.access_token)).status).toBe(401);
    const fresh = await token(client.clientId, rotated.body.clientSecret);
    expect((await activateJobs(fresh.body.access_token)).status).toBe(200);
    expect((await auditOf(client.clientId)).map((e) => e.action)).toEqual(['create', 'rotate-secret']);
  });

  it('with a grace period both secrets work until it ends', async () => {
    const client = await create({ name: 'Roll over', scopes: ['jobs:work'] });
    const old = await token(client.clientId, client.clientSecret);
    const rotated = await admin.send<Created & { previousSecretValidUntil: string }>(
      `/api/v1/oauth-clients/${client.clientId}/rotate-secret`,
      { method: 'POST', json: { graceSeconds: 600 } },
    );
    expect(Date.parse(rotated.body.previousSecretValidUntil) - Date.now()).toBeGreaterThan(590_000);
    expect((await activateJobs(old.body.access_token)).status).toBe(200);
    const duringGrace = await token(client.clientId, client.clientSecret);
    expect(duringGrace.status).toBe(200);
    expect((await activateJobs(duringGrace.body.access_token)).status).toBe(200);
    expect((await token(client.clientId, rotated.body.clientSecret)).status).toBe(200);

    // The grace period ends (moved into the past rather than waited for).
    await server.tramit
      .db('oauth_clients')
      .where({ client_id: client.clientId })
      .update({ previous_secret_until: server.tramit.db.raw(`now() - interval '1 second'`) });
    expect((await token(client.clientId, client.clientSecret)).status).toBe(401);
    expect((await token(client.clientId, rotated.body.clientSecret)).status).toBe(200);
  });

  it('revoking a client ends its tokens at once and keeps it listed as revoked', async () => {
    const client = await create({ name: 'Revoke me', scopes: ['jobs:work'] });
    const issued = await token(client.clientId, client.clientSecret);
    expect((await activateJobs(issued.body.access_token)).status).toBe(200);
    const revoked = await admin.send(`/api/v1/oauth-clients/${client.clientId}`, { method: 'DELETE' });
    expect(revoked.status).toBe(204);
    const refused = await activateJobs(issued.body.access_token);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toContain('revoked');
    expect((await token(client.clientId, client.clientSecret)).body.error).toBe('invalid_client');
    expect((await admin.send(`/api/v1/oauth-clients/${client.clientId}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    const rotate = await admin.send(`/api/v1/oauth-clients/${client.clientId}/rotate-secret`, {
      method: 'POST',
    });
    expect(rotate.status).toBe(409);

    const list = await admin.send<{ items: { clientId: string; status: string; revokedAt: string }[] }>(
      '/api/v1/oauth-clients',
    );
    expect(list.body.items.find((c) => c.clientId === client.clientId)).toMatchObject({ status: 'revoked' });
    expect((await auditOf(client.clientId)).map((e) => e.action)).toEqual(['create', 'revoke']);
  });

  it('a revocation by another process (straight in the database) is seen once the cached status expires', async () => {
    const client = await create({ name: 'Elsewhere', scopes: ['jobs:work'] });
    const issued = await token(client.clientId, client.clientSecret);
    expect((await activateJobs(issued.body.access_token)).status).toBe(200);
    await server.tramit
      .db('oauth_clients')
      .where({ client_id: client.clientId })
      .update({ active: false, revoked_at: server.tramit.db.fn.now() });
    const until = Date.now() + 15_000;
    let status = 200;
    while (status === 200 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await activateJobs(issued.body.access_token)).status;
    }
    expect(status).toBe(401);
  });
});
