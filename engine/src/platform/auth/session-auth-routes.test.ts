import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser, request } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRAMIT_LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => server.close());

describe('browser sessions', () => {
  it('signs in with an http-only SameSite cookie and reports roles and permissions', async () => {
    const { username, password } = await createTestUser(server.tramit.db, 'supervisor');
    const browser = new BrowserSession(server.url);
    const login = await browser.login(username, password);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^tramit_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(login.body).toMatchObject({
      user: { username, roles: ['supervisor'] },
      permissions: [
        'inbox.view',
        'monitoring.view',
        'users.read',
        'processes.read',
        'processes.start',
        'processes.cancel',
        'tasks.read',
        'tasks.work',
        'incidents.resolve',
        'entities.read',
        'entities.write',
        'entities.export',
        'entitytypes.read',
        'audit.read',
        'rules.read',
        'calendars.read',
        'sla.read',
        'reports.read',
        'notifications.read',
      ],
    });
    expect(JSON.stringify(login.body)).not.toContain('password');

    const session = await browser.send('/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.csrfToken).toBe(login.body.csrfToken);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const { username } = await createTestUser(server.tramit.db, 'agent');
    const wrong = await new BrowserSession(server.url).login(username, 'not-the-password');
    const unknown = await new BrowserSession(server.url).login('nobody-at-all', 'whatever');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    const { username, password } = await createTestUser(server.tramit.db, 'agent');
    for (let i = 0; i < 3; i++)
      expect((await new BrowserSession(server.url).login(username, 'bad')).status).toBe(401);
    const locked = await new BrowserSession(server.url).login(username, password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('requires the CSRF token for cookie-authenticated changes', async () => {
    const { username, password } = await createTestUser(server.tramit.db, 'admin');
    const browser = new BrowserSession(server.url);
    await browser.login(username, password);
    const user = {
      username: `csrf-${Date.now()}`,
      displayName: 'C',
      password: 'long-enough-password',
      roles: ['agent'],
    };
    const without = await browser.send('/api/v1/users', { method: 'POST', json: user, csrf: false });
    expect(without.status).toBe(403);
    expect(without.body.detail).toMatch(/CSRF/);
    const crossOrigin = await browser.send('/api/v1/users', {
      method: 'POST',
      json: user,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossOrigin.status).toBe(403);
    expect(await server.tramit.db('users').where({ username: user.username }).first()).toBeUndefined();
    const withToken = await browser.send('/api/v1/users', { method: 'POST', json: user });
    expect(withToken.status).toBe(201);
  });

  it('ends the session on logout', async () => {
    const { username, password } = await createTestUser(server.tramit.db, 'manager');
    const browser = new BrowserSession(server.url);
    await browser.login(username, password);
    expect((await browser.send('/api/v1/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await browser.send('/api/v1/auth/session')).status).toBe(401);
  });

  it('expires a session after the idle timeout and after the absolute timeout', async () => {
    const db = server.tramit.db;
    const { username, password } = await createTestUser(db, 'agent');
    const idle = new BrowserSession(server.url);
    const absolute = new BrowserSession(server.url);
    const idleLogin = await idle.login(username, password);
    await absolute.login(username, password);
    const userId = (idleLogin.body.user as { id: string }).id;
    const sessions = await db('sessions').where({ user_id: userId }).orderBy('created_at');
    expect(sessions).toHaveLength(2);

    await db('sessions')
      .where({ id_hash: sessions[0].id_hash })
      .update({ last_seen_at: new Date(Date.now() - 31 * 60_000) });
    // Kept active (recent), but past its absolute end.
    await db('sessions')
      .where({ id_hash: sessions[1].id_hash })
      .update({ expires_at: new Date(Date.now() - 1000) });

    const a = await idle.send('/api/v1/auth/session');
    const b = await absolute.send('/api/v1/auth/session');
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body.detail).toMatch(/expired/);
    expect(await db('sessions').where({ user_id: userId })).toHaveLength(0);
  });

  it('does not let a disabled account keep using its session', async () => {
    const { username, password } = await createTestUser(server.tramit.db, 'agent');
    const browser = new BrowserSession(server.url);
    await browser.login(username, password);
    await server.tramit.db('users').where({ username }).update({ active: false });
    expect((await browser.send('/api/v1/auth/session')).status).toBe(401);
    expect((await new BrowserSession(server.url).login(username, password)).status).toBe(401);
  });

  it('ignores a forged cookie', async () => {
    const response = await request(`${server.url}/api/v1/auth/session`, {
      headers: { cookie: 'tramit_session=forged-value-forged-value-forged-value-1234' },
    });
    expect(response.status).toBe(401);
  });
});
