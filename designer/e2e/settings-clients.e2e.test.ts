import { describe, expect, it } from 'vitest';
import { request } from '../../engine/test/http-client.js';
import { editorsSuite } from './editors-session.js';

const suite = editorsSuite();

async function tokenFor(clientId: string, secret: string) {
  return request<{ access_token: string; scope: string }>(`${suite.server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }).toString(),
  });
}

const activateJobs = (accessToken: string) =>
  request(`${suite.server.url}/v2/jobs/activation`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
    json: { type: 'meter-reading', maxJobsToActivate: 1, timeout: 1000, requestTimeout: 1 },
  });

describe('Settings → API clients', () => {
  it('creates a job-worker client, shows its secret once, rotates it and revokes it', async () => {
    const { admin } = suite;
    const { page } = admin;

    await page.click('[data-testid="nav-settings"]');
    await page.waitForSelector('[data-testid="clients-empty"]');
    expect(page.url()).toMatch(/\/settings\/api-clients$/);
    await admin.shot('settings-clients-empty');

    // Create, with the keyboard: Enter opens the dialog, the name has focus, Space ticks a scope.
    await page.focus('[data-testid="client-new"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="client-form"]');
    await page.keyboard.type('Worker de comptadors');
    await page.focus('[data-testid="client-scope-jobs:work"]');
    await page.keyboard.press('Space');
    expect(await page.isChecked('[data-testid="client-scope-jobs:work"]')).toBe(true);
    expect(await page.isDisabled('[data-testid="client-scope-entities:read"]')).toBe(false);
    await page.click('[data-testid="client-role-integration"]');
    expect(await page.isDisabled('[data-testid="client-scope-jobs:work"]')).toBe(true);
    await page.click('[data-testid="client-role-integration"]');
    await admin.shot('settings-clients-create');
    await page.focus('[data-testid="client-name"]');
    await page.keyboard.press('Enter');

    await page.waitForSelector('[data-testid="secret-dialog"]');
    await page.waitForSelector('[data-testid="secret-warning"]');
    const clientId = (await page.textContent('[data-testid="secret-client-id"]'))!;
    const secret = (await page.textContent('[data-testid="secret-value"]'))!;
    expect(clientId).toMatch(/^worker-de-comptadors-[0-9a-f]{6}$/);
    expect(secret.length).toBeGreaterThan(40);
    await admin.shot('settings-clients-secret');
    expect(await page.isDisabled('[data-testid="secret-close"]')).toBe(true);
    await page.check('[data-testid="secret-stored"]');
    await page.click('[data-testid="secret-close"]');
    await page.waitForSelector(`[data-testid="client-row-${clientId}"]`);

    // The secret is not shown again, and it works: a token for jobs only.
    expect(await page.content()).not.toContain(secret);
    const issued = await tokenFor(clientId, secret);
    expect(issued.body.scope).toBe('jobs:work');
    expect((await activateJobs(issued.body.access_token)).status).toBe(200);
    const elsewhere = await request(`${suite.server.url}/api/v1/entities/person?limit=1`, {
      headers: { authorization: `Bearer ${issued.body.access_token}` },
    });
    expect(elsewhere.status).toBe(403);

    // Rotate with a one-hour grace period: the new secret is shown once, the old one still works.
    await page.click(`[data-testid="client-rotate-${clientId}"]`);
    await page.waitForSelector('[data-testid="rotate-dialog"]');
    await page.click('[data-testid="rotate-grace"]');
    await page.click('[data-testid="rotate-grace-hour"]');
    await page.click('[data-testid="rotate-confirm"]');
    await page.waitForSelector('[data-testid="secret-dialog"]');
    const rotated = (await page.textContent('[data-testid="secret-value"]'))!;
    expect(rotated).not.toBe(secret);
    await admin.shot('settings-clients-rotated');
    await page.check('[data-testid="secret-stored"]');
    await page.click('[data-testid="secret-close"]');
    expect((await tokenFor(clientId, secret)).status).toBe(200);
    expect((await tokenFor(clientId, rotated)).status).toBe(200);

    // A second client without a scope limit, so the list shows both kinds.
    await page.click('[data-testid="client-new"]');
    await page.fill('[data-testid="client-name"]', 'Portal de tràmits municipal');
    await page.check('[data-testid="client-unlimited"]');
    await page.click('[data-testid="client-form-submit"]');
    await page.check('[data-testid="secret-stored"]');
    await page.click('[data-testid="secret-close"]');
    await page.waitForSelector('[data-testid="clients-table"] tbody tr:nth-child(2)');
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="client-last-used-${id}"]`)?.textContent?.match(/\d/),
      clientId,
    );
    await admin.shot('settings-clients-list');

    await page.setViewportSize({ width: 1024, height: 768 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const tableOverflow = await page.$eval('[data-testid="clients-table"]', (table) => {
      const container = table.parentElement!;
      return container.scrollWidth - container.clientWidth;
    });
    expect(tableOverflow).toBeLessThanOrEqual(0);
    await admin.shot('settings-clients-list-1024');

    // Revoke, after a confirmation: its tokens stop working at once.
    await page.click(`[data-testid="client-revoke-${clientId}"]`);
    await page.waitForSelector('[data-testid="revoke-dialog"]');
    await admin.shot('settings-clients-revoke-1024');
    await page.click('[data-testid="revoke-confirm"]');
    await page.waitForFunction(
      (id) => document.querySelector(`[data-testid="client-status-${id}"]`)?.textContent === 'Revocat',
      clientId,
    );
    expect((await activateJobs(issued.body.access_token)).status).toBe(401);
    await page.setViewportSize({ width: 1366, height: 800 });

    const audit = await admin.api.send<{ items: { action: string }[] }>(
      `/api/v1/audit?entityType=oauth-client&entityId=${clientId}`,
    );
    expect(audit.body.items.map((e) => e.action).sort()).toEqual(['create', 'revoke', 'rotate-secret']);
  });
});
