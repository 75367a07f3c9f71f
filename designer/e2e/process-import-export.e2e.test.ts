import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../engine/test/test-server.js';
import { launchChromium } from './browser.js';
import { adminPage, fillProperty, openGroup, screenshot, shape } from './fixtures/designer-session.js';
import { zeebeExtensionsOf } from './fixtures/zeebe-extensions.js';

let server: TestServer;
let browser: Browser;
let page: Page;
const fixture = path.resolve('designer/e2e/fixtures/camunda-modeler-street-incident.bpmn');

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await adminPage(server, browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('importing and exporting .bpmn files', () => {
  it('(5) keeps every Zeebe extension of a Camunda Modeler file through import, a label edit and export', async () => {
    const original = await readFile(fixture, 'utf8');
    await page.goto(`${server.url}/designer`);
    await page.setInputFiles('[data-testid="import-file"]', fixture);
    await page.waitForURL(/\/designer\/processes\/street-incident$/);
    await page.waitForSelector(shape('ClassifyIncident'));
    await screenshot(page, 'process-imported');

    // The lint panel names the task (its two incoming flows do not join); choosing it selects it.
    await page.click('[data-testid="problem"][data-element-id="ClassifyIncident"]');
    await page.waitForSelector(`${shape('ClassifyIncident')}.selected`);
    await openGroup(page, 'general');
    await fillProperty(page, 'name', 'Classifica la incidència');
    await page.waitForSelector(`${shape('ClassifyIncident')} text:has-text("Classifica")`);

    const download = page.waitForEvent('download');
    await page.click('[data-testid="export"]');
    const file = await download;
    expect(file.suggestedFilename()).toBe('street-incident.bpmn');
    const exported = await readFile((await file.path())!, 'utf8');

    expect(exported).toContain('name="Classifica la incidència"');
    const before = await zeebeExtensionsOf(original);
    const after = await zeebeExtensionsOf(exported);
    expect(before.size).toBeGreaterThan(20);
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  });
});
