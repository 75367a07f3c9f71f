import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BrowserSession, createTestUser } from '../../engine/test/http-client.js';
import { startTestServer, type TestServer } from '../../engine/test/test-server.js';
import { launchChromium, screenshotDir } from './browser.js';

export interface AdminPage {
  context: BrowserContext;
  page: Page;
  /** The same admin through the API, to check what the browser did. */
  api: BrowserSession;
  shot(name: string): Promise<void>;
}

/** An admin signed in both in a laptop-sized browser page and through the API. */
export async function signInAdmin(
  server: TestServer,
  browser: Browser,
  locale = 'ca-ES',
): Promise<AdminPage> {
  const account = await createTestUser(server.tramit.db, 'admin');
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.fill('#username', account.username);
  await page.fill('#password', account.password);
  await page.click('[data-testid="login-submit"]');
  await page.waitForSelector('[data-testid^="nav-"]');
  const api = new BrowserSession(server.url);
  await api.login(account.username, account.password);
  return {
    context,
    page,
    api,
    shot: async (name) => {
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    },
  };
}

/** For one test file: a fresh Tramit, Chromium, and an admin signed in to both; closed after the file. */
export function editorsSuite(): { readonly server: TestServer; readonly admin: AdminPage } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let admin: AdminPage | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    admin = await signInAdmin(server, browser);
  });
  afterAll(async () => {
    await admin?.context.close();
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server!;
    },
    get admin() {
      return admin!;
    },
  };
}
