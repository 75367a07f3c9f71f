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

  it('applies the rule-set element template the engine serves to a business-rule task', async () => {
    await page.goto(`${server.url}/designer`);
    await page.click('[data-testid="new-process"]');
    await page.fill('[data-testid="process-name-input"]', 'Classificació');
    await page.fill('[data-testid="process-id-input"]', 'classify-e2e');
    await page.click('[data-testid="new-process-dialog-submit"]');
    await page.waitForSelector(shape('StartEvent_1'));
    await page.click(`${shape('StartEvent_1')} .djs-hit`, { force: true });
    await page.click('.djs-context-pad [data-action="append.append-task"]');
    await page.keyboard.press('Escape');
    await page.click('.djs-context-pad [data-action="replace"]');
    await page.click('.djs-popup [data-id="replace-with-rule-task"]');

    await page.click('.bio-properties-panel-select-template-button');
    await page.click('[data-testid="template-tramit.rules"]');
    await screenshot(page, 'process-element-template');
    const group = page.locator('.bio-properties-panel-group', {
      has: page.locator('.bio-properties-panel-group-header', { hasText: 'Rule set' }),
    });
    await group.locator('.bio-properties-panel-group-header').click();
    const ruleSet = group.locator('input').first();
    await ruleSet.fill('case-routing');
    await ruleSet.press('Tab');

    const download = page.waitForEvent('download');
    await page.click('[data-testid="export"]');
    const xml = await readFile((await (await download).path())!, 'utf8');
    expect(xml).toMatch(/zeebe:modelerTemplate="tramit\.rules"/);
    expect(xml).toContain('<zeebe:taskDefinition type="tramit:rules"');
    expect(xml).toContain('<zeebe:header key="ruleSet" value="case-routing" />');
    expect(xml).toContain('<zeebe:header key="resultVariable" value="ruleResult" />');
  });
});
