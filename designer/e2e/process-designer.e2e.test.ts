import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../engine/test/test-server.js';
import { launchChromium } from './browser.js';
import {
  adminPage,
  clickElement,
  fillProperty,
  openGroup,
  screenshot,
  selectedElementId,
  shape,
  typeLabel,
} from './fixtures/designer-session.js';

let server: TestServer;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await adminPage(server, browser);
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message, e.stack?.slice(0, 600)));
  page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function contextPad(action: string): Promise<void> {
  await page.click(`.djs-context-pad [data-action="${action}"]`);
}

async function replaceWith(entry: string): Promise<void> {
  await contextPad('replace');
  await page.click(`.djs-popup [data-id="${entry}"]`);
}

describe('the process designer', () => {
  it('(1) draws a process from the palette, deploys it, starts an instance and shows the token on the user task', async () => {
    await page.goto(`${server.url}/designer`);
    await page.click('[data-testid="new-process"]');
    await page.fill('[data-testid="process-name-input"]', 'Sol·licitud ciutadana');
    await page.fill('[data-testid="process-id-input"]', 'citizen-request-e2e');
    await screenshot(page, 'process-new-dialog');
    await page.click('[data-testid="new-process-dialog-submit"]');
    await page.waitForSelector(shape('StartEvent_1'));

    await clickElement(page, 'StartEvent_1');
    await contextPad('append.append-task');
    ids.task = await selectedElementId(page);
    await typeLabel(page, 'Revisar la sol·licitud');
    await clickElement(page, ids.task);
    await replaceWith('replace-with-user-task');
    ids.task = await selectedElementId(page);
    await openGroup(page, 'assignmentDefinition');
    await fillProperty(page, 'assignmentDefinitionCandidateGroups', 'atencio-ciutadana');

    await contextPad('append.end-event');
    ids.end = await selectedElementId(page);
    await typeLabel(page, 'Resolta');

    // The boundary event: from the palette, dropped on the task's lower edge.
    const box = (await page.locator(shape(ids.task)).boundingBox())!;
    await page.click('.djs-palette [data-action="create.intermediate-event"]');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height, { steps: 2 });
    await page.mouse.down();
    await page.mouse.up();
    ids.timer = await selectedElementId(page);
    await replaceWith('replace-with-timer-boundary');
    ids.timer = await selectedElementId(page);
    await openGroup(page, 'timer');
    await page.selectOption('#bio-properties-panel-timerEventDefinitionType', 'timeDuration');
    await fillProperty(page, 'timerEventDefinitionValue', 'PT8H');
    await openGroup(page, 'tramitCalendar');
    await fillProperty(page, 'tramitCalendar', 'utility-office');
    await contextPad('append.end-event');
    await typeLabel(page, 'Vençuda');
    await screenshot(page, 'process-designer-drawn');

    // Leaving with unsaved changes asks first; staying keeps the drawing.
    await page.click('[data-testid="nav-monitoring"]');
    await page.waitForSelector('[data-testid="unsaved-dialog"] [data-testid="unsaved-leave"]');
    await screenshot(page, 'process-unsaved-dialog');
    await page.click('[data-testid="unsaved-stay"]');
    expect(page.url()).toContain('/designer/processes/citizen-request-e2e');
    await page.waitForSelector(shape(ids.timer));

    await page.click('[data-testid="deploy"]');
    await page.waitForSelector('[data-testid="version-1"]');
    expect(await page.textContent('[data-testid="notice"]')).toContain('Versió 1');

    const deployed = (await server.tramit
      .db('process_definitions')
      .where({ bpmn_process_id: 'citizen-request-e2e' })
      .first('xml')) as { xml: string };
    expect(deployed.xml).toContain('candidateGroups="atencio-ciutadana"');
    expect(deployed.xml).toMatch(/tramit:calendar="utility-office"/);
    expect(deployed.xml).toContain('PT8H');

    await page.click('[data-testid="version-1"]');
    await page.waitForSelector('[data-testid="diagram-viewer"] .djs-element');
    await screenshot(page, 'process-version');
    await page.click('[data-testid="start-instance"]');
    await page.fill('[data-testid="start-variables"]', '[1, 2]');
    await page.click('[data-testid="start-submit"]');
    expect(await page.textContent('[data-testid="start-dialog"]')).toContain('objecte JSON');
    await page.fill('[data-testid="start-variables"]', '{ "topic": "fuita" }');
    await screenshot(page, 'instance-start-dialog');
    await page.click('[data-testid="start-submit"]');

    await page.waitForURL(/\/monitoring\/instances\/\d+/);
    await page.waitForSelector(`[data-testid="diagram-viewer"] ${shape(ids.task)}.tramit-active`);
    expect(await page.textContent(`.tramit-count[data-element-id="${ids.task}"]`)).toBe('1');
    await page.click('[data-testid="tab-variables"]');
    expect(await page.textContent('[data-testid="variable-topic"]')).toContain('"fuita"');
    await screenshot(page, 'instance-view');
  });

  it('(2) clones a process, changes a gateway condition in the clone, and lists the versions of both', async () => {
    await page.goto(`${server.url}/designer`);
    await page.setInputFiles(
      '[data-testid="import-file"]',
      path.resolve('designer/e2e/fixtures/permit-request.bpmn'),
    );
    await page.waitForURL(/\/designer\/processes\/permit-request$/);
    await page.waitForSelector(shape('UrgentGateway'));
    await page.click('[data-testid="deploy"]');
    await page.waitForSelector('[data-testid="version-1"]');

    await page.click('[data-testid="clone"]');
    await page.fill('[data-testid="process-name-input"]', 'Permís (urgent o prioritari)');
    await page.fill('[data-testid="process-id-input"]', 'permit-request-priority');
    await screenshot(page, 'process-clone-dialog');
    await page.click('[data-testid="clone-dialog-submit"]');
    await page.waitForURL(/\/designer\/processes\/permit-request-priority$/);
    await page.waitForSelector('[data-testid="area-title"]:has-text("Permís (urgent o prioritari)")');
    await page.waitForSelector(shape('Flow_urgent_label'));

    await clickElement(page, 'Flow_urgent_label');
    await openGroup(page, 'condition');
    const condition = page.locator('[data-entry-id="conditionExpression"] [contenteditable="true"]');
    await condition.fill('priority = "urgent" or priority = "high"');
    await condition.press('Tab');
    await screenshot(page, 'process-clone-condition');
    await page.click('[data-testid="deploy"]');
    await page.waitForSelector('[data-testid="version-1"]');

    const xmlOf = async (id: string) =>
      (
        (await server.tramit.db('process_definitions').where({ bpmn_process_id: id }).first('xml')) as {
          xml: string;
        }
      ).xml;
    expect(await xmlOf('permit-request-priority')).toContain('=priority = "urgent" or priority = "high"');
    expect(await xmlOf('permit-request-priority')).toContain('name="Permís (urgent o prioritari)"');
    expect(await xmlOf('permit-request')).toContain('>=priority = "urgent"<');

    await page.goto(`${server.url}/designer`);
    await page.waitForSelector('[data-testid="process-row-permit-request-priority"]');
    for (const id of ['permit-request', 'permit-request-priority']) {
      expect(await page.textContent(`[data-testid="process-row-${id}"] td:nth-child(3)`)).toBe('1');
    }
    await screenshot(page, 'process-list');
  });
});
