import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totp } from '../../engine/src/platform/auth/totp.js';
import { createTestUser } from '../../engine/test/http-client.js';
import { startTestServer, type TestServer } from '../../engine/test/test-server.js';
import { launchChromium } from './browser.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer({ TRAMIT_MFA_REQUIRED_ROLES: 'admin' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const codeFor = (secret: string, offsetSteps = 0) =>
  totp(base32Decode(secret), Date.now() + offsetSteps * 30_000);

async function password(page: Page, username: string, pass: string): Promise<void> {
  await page.goto(server.url);
  await page.waitForURL(/\/login/);
  await page.fill('#username', username);
  await page.fill('#password', pass);
  await page.keyboard.press('Enter');
}

describe('two-step sign-in in the browser', () => {
  it('enrols an admin at sign-in, shows the recovery codes, then asks for the code next time', async () => {
    const { username, password: pass } = await createTestUser(server.tramit.db, 'admin');
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await password(page, username, pass);

    // Enrolment is required for the role: the key and otpauth URI are shown as text.
    const secretText = await page.textContent('[data-testid="mfa-secret"]');
    const secret = secretText!.replace(/\s/g, '');
    expect(await page.textContent('[data-testid="mfa-uri"]')).toContain(`secret=${secret}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('mfa-code');
    await page.fill('#mfa-code', '000000');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="mfa-error"]');
    await page.fill('#mfa-code', codeFor(secret));
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="mfa-recovery-codes"]');
    const codes = await page.$$eval('[data-testid="mfa-recovery-codes"] li', (items) =>
      items.map((i) => i.textContent),
    );
    expect(codes).toHaveLength(10);
    await page.click('[data-testid="mfa-continue"]');
    await page.waitForSelector('[data-testid="user-menu"]');

    // The Security dialog shows it on, with ten codes left.
    await page.click('[data-testid="user-menu"]');
    await page.click('[data-testid="security"]');
    expect(await page.textContent('[data-testid="mfa-status"]')).toMatch(/10 recovery codes/);
    await page.keyboard.press('Escape');
    await page.click('[data-testid="user-menu"]');
    await page.click('[data-testid="logout"]');
    await page.waitForURL(/\/login/);

    // Next time: the password, then a code (a recovery code here).
    await password(page, username, pass);
    await page.waitForSelector('#mfa-code');
    await page.getByText('Use a recovery code').click();
    await page.fill('#mfa-code', codes[0]!);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="user-menu"]');
    await context.close();
  }, 120_000);

  it('lets any user turn it on from the Security dialog', async () => {
    const { username, password: pass } = await createTestUser(server.tramit.db, 'agent');
    const context = await browser.newContext({ locale: 'ca-ES' });
    const page = await context.newPage();
    await password(page, username, pass);
    await page.waitForSelector('[data-testid="user-menu"]');
    await page.click('[data-testid="user-menu"]');
    await page.click('[data-testid="security"]');
    await page.click('[data-testid="mfa-enrol"]');
    const secret = (await page.textContent('[data-testid="mfa-secret"]'))!.replace(/\s/g, '');
    await page.fill('#security-code', codeFor(secret));
    await page.click('[data-testid="mfa-confirm"]');
    await page.waitForSelector('[data-testid="mfa-recovery-codes"]');
    expect(await page.textContent('[data-testid="mfa-status"]')).toMatch(/activada/);
    await context.close();
  }, 120_000);
});
