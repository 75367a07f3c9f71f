import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, eventually, sdkAccess, v2 } from '../../engine/test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../engine/test/test-server.js';
import { launchChromium } from './browser.js';
import { adminPage, screenshot, shape } from './fixtures/designer-session.js';

let server: TestServer;
let browser: Browser;
let page: Page;
let token: string;

const workOrderXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="work-order-e2e" name="Ordre de treball" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="SendToGmao" name="Envia a GMAO">
      <bpmn:extensionElements><zeebe:taskDefinition type="e2e.gmao" retries="1" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="SendToGmao" />
    <bpmn:sequenceFlow id="f2" sourceRef="SendToGmao" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="dg"><bpmndi:BPMNPlane id="pl" bpmnElement="work-order-e2e">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="SendToGmao_di" bpmnElement="SendToGmao"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="392" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="120" /><di:waypoint x="392" y="120" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  page = await adminPage(server, browser);
  ({ token } = await sdkAccess(server, { roles: ['integration'] }));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the instance view', () => {
  it('shows a failed job as an incident on its element and retries it from there', async () => {
    const file = new File([workOrderXml], 'work-order-e2e.bpmn', { type: 'application/xml' });
    expect((await deployFiles(server, token, [file])).status).toBe(200);
    const started = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'work-order-e2e',
      variables: { caseId: 'C-2026-0042' },
    });
    const instanceKey = started.body.processInstanceKey as string;
    const activated = await v2<{ jobs: { jobKey: string }[] }>(server, token, 'POST', '/jobs/activation', {
      type: 'e2e.gmao',
      maxJobsToActivate: 1,
      timeout: 10_000,
    });
    const jobKey = activated.body.jobs[0]!.jobKey;
    await v2(server, token, 'POST', `/jobs/${jobKey}/failure`, {
      retries: 0,
      errorMessage: 'GMAO no respon',
    });
    await eventually(
      async () =>
        (await server.tramit
          .db('incidents')
          .where({ process_instance_key: instanceKey, state: 'ACTIVE' })
          .first()) ?? undefined,
    );

    await page.goto(`${server.url}/monitoring`);
    const row = page.locator('[data-testid="instance-row"]', { hasText: instanceKey });
    await row.waitFor();
    expect(await row.locator('[data-testid="instance-state"]').getAttribute('data-state')).toBe('INCIDENT');
    await screenshot(page, 'instance-list');
    await row.locator('a').click();

    await page.waitForSelector(`[data-testid="diagram-viewer"] ${shape('SendToGmao')}.tramit-incident`);
    await page.click('[data-testid="tab-incidents"]');
    expect(await page.textContent('[data-testid="tab-incidents"]')).toContain('(1)');
    await page.waitForSelector('[data-testid="retry-incident"]');
    expect(await page.textContent('[role="tabpanel"]')).toContain('GMAO no respon');
    await screenshot(page, 'instance-incident');
    await page.click('[data-testid="retry-incident"]');

    await page.waitForSelector('[data-testid="tab-incidents"]:has-text("(0)")');
    const incident = await server.tramit
      .db('incidents')
      .where({ process_instance_key: instanceKey })
      .first('state');
    expect(incident.state).toBe('RESOLVED');
    const job = await server.tramit.db('jobs').where({ key: jobKey }).first('retries', 'state');
    expect(job).toMatchObject({ retries: 1 });
    expect(await page.isVisible('[data-testid="retry-incident"]')).toBe(false);
  });
});
