import { ElementId, ProcessInstanceKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let camunda: CamundaClient;
let token: string;
let processInstanceKey: ProcessInstanceKey;

const now = { consistency: { waitUpToMs: 0 } };

beforeAll(async () => {
  server = await startTestServer();
  ({ client: camunda, token } = await sdkAccess(server));
  await deployFiles(server, token, [await fixtureFile('order-fulfilment.bpmn')]);
  const created = await v2(server, token, 'POST', '/process-instances', {
    processDefinitionId: 'order-fulfilment',
    variables: { orderId: 'E-1' },
  });
  processInstanceKey = ProcessInstanceKey.assumeExists(created.body.processInstanceKey as string);
  const { jobs } = await camunda.activateJobs({
    type: 'order.check',
    maxJobsToActivate: 1,
    timeout: 10_000,
    requestTimeout: 2_000,
  });
  await camunda.failJob({ jobKey: jobs[0]!.jobKey, retries: 0, errorMessage: 'broken' });
});
afterAll(() => server.close());

describe('element instances', () => {
  it('searches by instance, state and type, with names from the model', async () => {
    const all = await camunda.searchElementInstances(
      { filter: { processInstanceKey }, sort: [{ field: 'startDate' }, { field: 'elementInstanceKey' }] },
      now,
    );
    expect(all.items.map((e) => [e.elementId, e.elementName, e.state])).toEqual([
      ['order-fulfilment', 'Order fulfilment', 'ACTIVE'],
      ['OrderPlaced', 'Order placed', 'COMPLETED'],
      ['CheckOrder', 'Check order', 'ACTIVE'],
    ]);
    const active = await camunda.searchElementInstances(
      { filter: { processInstanceKey, state: 'ACTIVE', type: 'SERVICE_TASK' } },
      now,
    );
    expect(active.items).toHaveLength(1);
    expect(active.items[0]).toMatchObject({
      elementId: 'CheckOrder',
      hasIncident: true,
      incidentKey: expect.any(String),
      processDefinitionId: 'order-fulfilment',
      rootProcessInstanceKey: processInstanceKey,
      endDate: null,
      tenantId: '<default>',
    });
    const withIncident = await camunda.searchElementInstances({ filter: { hasIncident: true } }, now);
    expect(withIncident.items.map((e) => e.elementId)).toEqual(['CheckOrder']);
    const byName = await camunda.searchElementInstances({ filter: { elementName: 'Order placed' } }, now);
    expect(byName.items.map((e) => e.elementId)).toEqual(['OrderPlaced']);
    const scope = await camunda.searchElementInstances(
      { filter: { elementInstanceScopeKey: processInstanceKey } },
      now,
    );
    expect(scope.page.totalItems).toBe(2);
  });

  it('gets one by key; 404 for none', async () => {
    const [element] = (
      await camunda.searchElementInstances(
        { filter: { elementId: ElementId.assumeExists('CheckOrder') } },
        now,
      )
    ).items;
    expect(
      await camunda.getElementInstance({ elementInstanceKey: element!.elementInstanceKey }, now),
    ).toEqual(element);
    expect((await v2(server, token, 'GET', '/element-instances/42')).status).toBe(404);
  });
});

describe('incidents', () => {
  it('searches, gets and resolves (after retries are given back)', async () => {
    const found = await camunda.searchIncidents(
      { filter: { processInstanceKey, errorType: 'JOB_NO_RETRIES' } },
      now,
    );
    expect(found.items).toHaveLength(1);
    const incident = found.items[0]!;
    expect(incident).toMatchObject({
      state: 'ACTIVE',
      errorMessage: 'broken',
      elementId: 'CheckOrder',
      processDefinitionId: 'order-fulfilment',
      rootProcessInstanceKey: processInstanceKey,
      jobKey: expect.any(String),
    });
    expect(await camunda.getIncident({ incidentKey: incident.incidentKey }, now)).toEqual(incident);
    const byMessage = await camunda.searchIncidents({ filter: { errorMessage: { $like: 'bro*' } } }, now);
    expect(byMessage.page.totalItems).toBe(1);
    const instances = await camunda.searchProcessInstances({ filter: { errorMessage: 'broken' } }, now);
    expect(instances.items.map((i) => i.processInstanceKey)).toEqual([processInstanceKey]);

    // resolving a job incident needs retries first: the engine refuses (409) and nothing changes
    const early = await v2(server, token, 'POST', `/incidents/${incident.incidentKey}/resolution`);
    expect(early.status).toBe(409);
    expect((await camunda.getIncident({ incidentKey: incident.incidentKey }, now)).state).toBe('ACTIVE');

    await camunda.updateJob({ jobKey: incident.jobKey!, changeset: { retries: 1 } });
    await camunda.resolveIncident({ incidentKey: incident.incidentKey });
    expect((await camunda.getIncident({ incidentKey: incident.incidentKey }, now)).state).toBe('RESOLVED');
    const resolved = await camunda.searchIncidents(
      { filter: { state: 'RESOLVED' }, sort: [{ field: 'creationTime', order: 'DESC' }] },
      now,
    );
    expect(resolved.page.totalItems).toBe(1);
    expect((await camunda.getProcessInstance({ processInstanceKey }, now)).hasIncident).toBe(false);
    const again = await v2(server, token, 'POST', `/incidents/${incident.incidentKey}/resolution`);
    expect(again.status).toBe(404);
  });
});
