import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../engine/src/platform/auth/roles.js';
import { createTestUser } from '../../engine/test/http-client.js';
import { startTestServer, type TestServer } from '../../engine/test/test-server.js';
import { launchChromium, screenshotDir } from './browser.js';

let server: TestServer;
let browser: Browser;
const accounts = new Map<Role, { username: string; password: string }>();

const expectedMenus: Record<Role, string[]> = {
  admin: ['nav-designer', 'nav-monitoring', 'nav-data-model', 'nav-rules', 'nav-sla', 'nav-settings'],
  supervisor: ['nav-inbox', 'nav-monitoring'],
  agent: ['nav-inbox'],
  manager: ['nav-monitoring'],
  integration: [],
};

beforeAll(async () => {
  server = await startTestServer();
  for (const role of Object.keys(expectedMenus) as Role[]) {
    accounts.set(role, await createTestUser(server.tramit.db, role));
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, role: Role): Promise<void> {
  const { username, password } = accounts.get(role)!;
  await page.goto(server.url);
  await page.waitForURL(/\/login/);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid^="nav-"], [data-testid="no-areas"]');
}

async function visibleMenu(page: Page): Promise<string[]> {
  return page.$$eval('nav [data-testid^="nav-"]', (items) =>
    items.filter((i) => (i as HTMLElement).offsetParent !== null).map((i) => i.getAttribute('data-testid')!),
  );
}

describe('the browser app shell', () => {
  it.each(Object.keys(expectedMenus) as Role[])('shows %s the menu of their role', async (role) => {
    const context = await browser.newContext({ locale: 'ca-ES', viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await signIn(page, role);
    expect(await visibleMenu(page)).toEqual(expectedMenus[role]);
    if (role === 'integration') {
      expect(await page.isVisible('[data-testid="no-areas"]')).toBe(true);
    } else {
      // The start page is the first area the role may see.
      const first = expectedMenus[role][0]!;
      await page.waitForSelector('[data-testid="area-title"]');
      expect(await page.getAttribute(`[data-testid="${first}"]`, 'aria-current')).toBe('page');
    }
    await page.screenshot({ path: path.join(screenshotDir, `shell-${role}.png`) });
    await context.close();
  });

  it('speaks Catalan by default, follows the browser language, and switches on demand', async () => {
    const catalan = await browser.newContext({ locale: 'fr-FR' });
    const page = await catalan.newPage();
    await signIn(page, 'agent');
    expect(await page.getAttribute('html', 'lang')).toBe('ca');
    expect(await page.textContent('[data-testid="nav-inbox"]')).toContain("Safata d'entrada");

    await page.click('[data-testid="language-switcher"]');
    await page.click('[data-testid="lang-es"]');
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await page.textContent('[data-testid="nav-inbox"]')).toContain('Bandeja de entrada');
    await page.reload();
    await page.waitForSelector('[data-testid="nav-inbox"]');
    expect(await page.textContent('[data-testid="nav-inbox"]')).toContain('Bandeja de entrada');
    await catalan.close();

    const english = await browser.newContext({ locale: 'en-GB' });
    const englishPage = await english.newPage();
    await englishPage.goto(`${server.url}/login`);
    await englishPage.waitForSelector('[data-testid="login-submit"]');
    expect(await englishPage.getAttribute('html', 'lang')).toBe('en');
    await english.close();
  });

  it('shows the server’s refusal of a wrong password, then keeps the session across reloads until logout', async () => {
    const context = await browser.newContext({ locale: 'ca-ES' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill('#username', accounts.get('manager')!.username);
    await page.fill('#password', 'definitely-wrong');
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector('[data-testid="login-error"]');
    expect(await page.textContent('[data-testid="login-error"]')).toMatch(/contrasenya/);

    await signIn(page, 'manager');
    await page.reload();
    await page.waitForSelector('[data-testid="nav-monitoring"]');
    expect(page.url()).toContain('/monitoring');

    await page.click('[data-testid="user-menu"]');
    await page.click('[data-testid="logout"]');
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/monitoring`);
    await page.waitForURL(/\/login/);
    await context.close();
  });

  it('does not open an area the role may not see', async () => {
    const context = await browser.newContext({ locale: 'ca-ES' });
    const page = await context.newPage();
    await signIn(page, 'agent');
    await page.goto(`${server.url}/settings`);
    await page.waitForSelector('[data-testid="forbidden"]');
    expect(await page.isVisible('[data-testid="area-title"]')).toBe(false);
    await context.close();
  });
});
