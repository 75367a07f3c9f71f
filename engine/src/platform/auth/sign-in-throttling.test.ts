import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './clients-repo.js';
import { BrowserSession, createTestUser, request, type JsonResponse } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
beforeAll(async () => {
  // Trust proxy on, so the tests can speak from several source addresses with X-Forwarded-For.
  server = await startTestServer({
    TRAMIT_TRUST_PROXY: 'true',
    TRAMIT_LOGIN_MAX_FAILURES: '5',
    TRAMIT_SIGNIN_PER_ADDRESS_PER_MINUTE: '10',
  });
  for (const clientId of ['billing', 'reports']) {
    await createClient(server.tramit.db, {
      clientId,
      name: clientId,
      secret: `${clientId}-secret-value`,
      roles: ['integration'],
    });
  }
});
afterAll(() => server.close());

const from = (address: string) => ({ 'x-forwarded-for': address });

function token(clientId: string, secret: string, address: string) {
  return request(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...from(address) },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }).toString(),
  });
}

function login(username: string, password: string, address: string) {
  return new BrowserSession(server.url).send('/api/v1/auth/login', {
    method: 'POST',
    json: { username, password },
    headers: from(address),
  });
}

/**
 * Sends `count` requests with up to 200 in flight (more overflows the listen backlog and the
 * kernel resets connections, which would test the test machine).
 */
async function flood(count: number, send: (i: number) => Promise<JsonResponse>): Promise<JsonResponse[]> {
  const responses: JsonResponse[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      responses[i] = await send(i);
    }
  };
  await Promise.all(Array.from({ length: 200 }, worker));
  return responses;
}

const statuses = (responses: JsonResponse[]) =>
  responses.reduce<Record<number, number>>(
    (counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }),
    {},
  );

describe('sign-in throttling', () => {
  it('under 2,000 wrong client secrets a good client still gets its token within a second', async () => {
    // given: the integration has had a token before (they renew every few minutes)
    expect((await token('billing', 'billing-secret-value', '10.9.9.9')).status).toBe(200);

    const flooded = Date.now();
    // when: 2,000 wrong secrets arrive at once from four addresses, for its id and for unknown ids
    const attack = flood(2000, (i) =>
      token(i % 2 ? 'billing' : `ghost-${i}`, `wrong-${i}`, `10.0.0.${(i % 4) + 1}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const good = await token('billing', 'billing-secret-value', '10.9.9.9');
    const elapsed = Date.now() - started;
    const cold = token('reports', 'reports-secret-value', '10.8.8.8');
    const bad = await attack;

    // then
    expect(good.status).toBe(200);
    expect(elapsed).toBeLessThan(1000);
    expect((await cold).status).toBe(200);
    const counts = statuses(bad);
    expect(Object.keys(counts).every((s) => ['401', '429', '503'].includes(s))).toBe(true);
    // A 401 is a hash spent: at most a bucket's worth per address (10, and 10 more a minute).
    expect(counts[401] ?? 0).toBeLessThanOrEqual(
      4 * (10 + Math.ceil(((Date.now() - flooded) / 60_000) * 10)),
    );
    const refused = bad.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ error: 'temporarily_unavailable', status: 429 });
  }, 180_000);

  it('checks at most the lock limit of 2,000 wrong passwords, and the owner still signs in from elsewhere', async () => {
    const db = server.tramit.db;
    const { username, password } = await createTestUser(db, 'agent');
    const started = Date.now();
    const attack = await flood(2000, (i) =>
      i % 2 ? login(username, `wrong-${i}`, '10.1.0.1') : login(`nobody-${i % 10}`, `wrong-${i}`, '10.1.0.2'),
    );
    const forUser = statuses(attack.filter((_, i) => i % 2));
    const forNobody = statuses(attack.filter((_, i) => i % 2 === 0));
    // At most the lock limit is checked; the rest are refused before any hash (a few by a full pool).
    expect(forUser[401]).toBeGreaterThan(0);
    expect(forUser[401]).toBeLessThanOrEqual(5);
    expect(forUser[401]! + (forUser[429] ?? 0) + (forUser[503] ?? 0)).toBe(1000);
    // Unknown names get the same answers: counted and locked alike.
    // The address's bucket: 10, and 10 more a minute.
    expect(forNobody[401]).toBeLessThanOrEqual(10 + Math.ceil(((Date.now() - started) / 60_000) * 10));
    expect((forNobody[429] ?? 0) + (forNobody[503] ?? 0)).toBeGreaterThanOrEqual(990);

    // The attacker's address is locked, even with the right password; the owner's is not.
    // (The address's bucket may be empty still, a few seconds' wait: then the lock answers.)
    let attacker = await login(username, password, '10.1.0.1');
    expect(attacker.status).toBe(429);
    const bucketWait = Number(attacker.headers.get('retry-after'));
    if (bucketWait <= 60) {
      await new Promise((resolve) => setTimeout(resolve, bucketWait * 1000 + 250));
      attacker = await login(username, password, '10.1.0.1');
      expect(attacker.status).toBe(429);
    }
    expect(Number(attacker.headers.get('retry-after'))).toBeGreaterThan(60);
    const owner = await login(username, password, '10.2.0.2');
    expect(owner.status).toBe(200);
    expect(owner.headers.get('set-cookie')).toMatch(/tramit_session=/);
  }, 180_000);

  it('lets an admin lift a lock, audited', async () => {
    const db = server.tramit.db;
    const { username, password } = await createTestUser(db, 'agent');
    const userId = ((await db('users').where({ username }).first()) as { id: string }).id;
    for (let i = 0; i < 5; i++) expect((await login(username, 'bad', '10.3.0.1')).status).toBe(401);
    expect((await login(username, password, '10.3.0.1')).status).toBe(429);

    const admin = await createTestUser(db, 'admin');
    const browser = new BrowserSession(server.url);
    browser.adopt(await login(admin.username, admin.password, '10.4.0.1'));
    const agent = await createTestUser(db, 'agent');
    const agentBrowser = new BrowserSession(server.url);
    agentBrowser.adopt(await login(agent.username, agent.password, '10.4.0.2'));

    const unlockPath = `/api/v1/users/${userId}/unlock`;
    expect((await agentBrowser.send(unlockPath, { method: 'POST', headers: from('10.4.0.2') })).status).toBe(
      403,
    );
    expect(
      (await browser.send('/api/v1/users/not-a-uuid/unlock', { method: 'POST', headers: from('10.4.0.1') }))
        .body,
    ).toMatchObject({ status: 400, errors: [{ path: 'id' }] });
    const unlocked = await browser.send(unlockPath, { method: 'POST', headers: from('10.4.0.1') });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual({ unlockedAddresses: 1 });
    expect((await login(username, password, '10.3.0.1')).status).toBe(200);

    const audit = await db('audit_log').where({ entity_type: 'user', entity_id: userId, action: 'unlock' });
    expect(audit).toHaveLength(1);
  }, 120_000);
});
