import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totp } from './totp.js';
import { BrowserSession, createTestUser, type JsonResponse } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ TRAMIT_MFA_REQUIRED_ROLES: 'admin' });
});
afterAll(() => server.close());

type Body = Record<string, unknown>;
const post = (browser: BrowserSession, path: string, json: unknown = {}) =>
  browser.send<Body>(path, { method: 'POST', json });
const codeAt = (secret: string, offsetSteps = 0) =>
  totp(base32Decode(secret), Date.now() + offsetSteps * 30_000);
const userIdOf = (response: JsonResponse) => (response.body.user as { id: string }).id;

describe('second factor (TOTP)', () => {
  it('enrols, asks for the code at sign-in, accepts each code and recovery code once, and disables', async () => {
    const db = server.tramit.db;
    const { username, password } = await createTestUser(db, 'agent');
    const browser = new BrowserSession(server.url);
    const userId = userIdOf(await browser.login(username, password));

    // Enrol: the secret is shown once and stored sealed.
    expect((await post(browser, '/api/v1/auth/mfa/confirm', { code: '123456' })).status).toBe(409);
    const enrol = await post(browser, '/api/v1/auth/mfa/enrol');
    expect(enrol.status).toBe(200);
    const secret = enrol.body.secret as string;
    expect(enrol.body.otpauthUri).toBe(
      `otpauth://totp/Tramit:${encodeURIComponent(username)}?secret=${secret}&issuer=Tramit&algorithm=SHA1&digits=6&period=30`,
    );
    const row = await db('user_mfa').where({ user_id: userId }).first();
    expect(row.secret_enc).not.toContain(secret);
    expect((await browser.send('/api/v1/auth/mfa')).body).toEqual({
      enabled: false,
      pending: true,
      required: false,
      recoveryCodesLeft: 0,
    });
    const wrong = await post(browser, '/api/v1/auth/mfa/confirm', { code: 'abc' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ path: '/code' })]);
    const confirmCode = codeAt(secret);
    const confirmed = await post(browser, '/api/v1/auth/mfa/confirm', { code: confirmCode });
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(JSON.stringify(await db('mfa_recovery_codes').where({ user_id: userId }))).not.toContain(
      recoveryCodes[0],
    );
    const status = await browser.send('/api/v1/auth/mfa');
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(JSON.stringify(status.body)).not.toContain(secret);

    // Sign-in: the password alone gives no session.
    const next = new BrowserSession(server.url);
    const first = await next.login(username, password);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mfaRequired: true, enrolmentRequired: false });
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(first.body).not.toHaveProperty('csrfToken');
    const mfaToken = first.body.mfaToken as string;
    // The code used to confirm does not work again.
    const replay = await post(next, '/api/v1/auth/login/mfa', { mfaToken, code: confirmCode });
    expect(replay.status).toBe(401);
    expect(replay.body.code ?? replay.body.type).toMatch(/invalid-mfa-code/);
    const second = next.adopt(
      await post(next, '/api/v1/auth/login/mfa', { mfaToken, code: codeAt(secret, 1) }),
    );
    expect(second.status).toBe(200);
    expect(second.headers.get('set-cookie')).toMatch(/tramit_session=/);
    expect((await next.send('/api/v1/auth/session')).status).toBe(200);
    // The challenge is spent.
    expect((await post(next, '/api/v1/auth/login/mfa', { mfaToken, code: codeAt(secret) })).status).toBe(401);

    // A recovery code works once.
    const viaRecovery = new BrowserSession(server.url);
    const token2 = (await viaRecovery.login(username, password)).body.mfaToken as string;
    const recovered = await post(viaRecovery, '/api/v1/auth/login/mfa', {
      mfaToken: token2,
      recoveryCode: recoveryCodes[0]!.toLowerCase(),
    });
    expect(recovered.status).toBe(200);
    const token3 = (await new BrowserSession(server.url).login(username, password)).body.mfaToken as string;
    const reused = await post(viaRecovery, '/api/v1/auth/login/mfa', {
      mfaToken: token3,
      recoveryCode: recoveryCodes[0],
    });
    expect(reused.status).toBe(401);

    // New recovery codes replace the old ones.
    viaRecovery.adopt(recovered);
    const fresh = await post(viaRecovery, '/api/v1/auth/mfa/recovery-codes', {
      recoveryCode: recoveryCodes[1],
    });
    expect(fresh.status).toBe(200);
    const newCodes = fresh.body.recoveryCodes as string[];
    expect(newCodes).toHaveLength(10);
    expect(
      (await post(viaRecovery, '/api/v1/auth/mfa/disable', { recoveryCode: recoveryCodes[2] })).status,
    ).toBe(400);
    expect((await post(viaRecovery, '/api/v1/auth/mfa/disable', { recoveryCode: newCodes[0] })).status).toBe(
      204,
    );
    expect((await new BrowserSession(server.url).login(username, password)).body).toHaveProperty('csrfToken');

    const audit = await db('audit_log').where({ entity_type: 'user', entity_id: userId }).orderBy('seq');
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      'mfa.enrol',
      'mfa.recovery-codes',
      'mfa.disable',
    ]);
    expect(audit.every((e: { actor_id: string }) => e.actor_id === userId)).toBe(true);
  }, 120_000);

  it('makes a role that requires it enrol before its first session, and not disable it', async () => {
    const db = server.tramit.db;
    const { username, password } = await createTestUser(db, 'admin');
    const browser = new BrowserSession(server.url);
    const first = await browser.login(username, password);
    expect(first.body).toMatchObject({ mfaRequired: true, enrolmentRequired: true });
    expect(first.headers.get('set-cookie')).toBeNull();
    const mfaToken = first.body.mfaToken as string;
    const enrol = await post(browser, '/api/v1/auth/login/mfa/enrol', { mfaToken });
    expect(enrol.status).toBe(200);
    const secret = enrol.body.secret as string;
    // No recovery codes before the enrolment is confirmed.
    const early = await post(browser, '/api/v1/auth/login/mfa', {
      mfaToken,
      recoveryCode: 'AAAA-AAAA-AAAA-AAAA',
    });
    expect(early.status).toBe(401);
    const done = browser.adopt(
      await post(browser, '/api/v1/auth/login/mfa', { mfaToken, code: codeAt(secret) }),
    );
    expect(done.status).toBe(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    expect((await browser.send('/api/v1/auth/mfa')).body).toMatchObject({ enabled: true, required: true });
    const disable = await post(browser, '/api/v1/auth/mfa/disable', { code: codeAt(secret, 1) });
    expect(disable.status).toBe(409);
  }, 120_000);

  it('lets an admin reset a lost second factor, audited', async () => {
    const db = server.tramit.db;
    const { username, password } = await createTestUser(db, 'agent');
    const user = new BrowserSession(server.url);
    const userId = userIdOf(await user.login(username, password));
    const secret = (await post(user, '/api/v1/auth/mfa/enrol')).body.secret as string;
    await post(user, '/api/v1/auth/mfa/confirm', { code: codeAt(secret) });

    // An admin (who must use MFA here) resets it.
    const admin = await createTestUser(db, 'admin');
    const adminBrowser = new BrowserSession(server.url);
    const mfaToken = (await adminBrowser.login(admin.username, admin.password)).body.mfaToken as string;
    const adminSecret = (await post(adminBrowser, '/api/v1/auth/login/mfa/enrol', { mfaToken })).body
      .secret as string;
    adminBrowser.adopt(
      await post(adminBrowser, '/api/v1/auth/login/mfa', { mfaToken, code: codeAt(adminSecret) }),
    );
    const reset = await post(adminBrowser, `/api/v1/users/${userId}/mfa/reset`);
    expect(reset.body).toEqual({ reset: true });
    expect((await new BrowserSession(server.url).login(username, password)).body).toHaveProperty('csrfToken');
    const entry = await db('audit_log').where({ entity_id: userId, action: 'mfa.reset' }).first();
    expect(entry.actor_id).not.toBe(userId);
  }, 120_000);
});
