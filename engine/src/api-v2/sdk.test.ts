import { ProcessDefinitionId, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFile, sdkAccess } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let camunda: CamundaClient;

beforeAll(async () => {
  server = await startTestServer();
  camunda = (await sdkAccess(server)).client;
});
afterAll(async () => {
  camunda.stopAllWorkers();
  await server.close();
});

const now = { consistency: { waitUpToMs: 0 } };
const soon = { consistency: { waitUpToMs: 5_000, pollIntervalMs: 50 } };

describe('the official Camunda SDK (strict request and response validation) against Tramit', () => {
  it('reports one healthy broker', async () => {
    const topology = await camunda.getTopology();
    expect(topology).toMatchObject({ clusterSize: 1, partitionsCount: 1 });
    expect(topology.brokers[0]!.partitions).toEqual([{ partitionId: 1, role: 'leader', health: 'healthy' }]);
  });

  it('deploys, starts, works jobs and a user task, correlates a message, resolves an incident, completes', async () => {
    // given: the order process, deployed
    const deployment = await camunda.createDeployment({
      resources: [await fixtureFile('order-fulfilment.bpmn')],
    });
    expect(deployment.processes).toEqual([
      expect.objectContaining({ processDefinitionId: 'order-fulfilment', processDefinitionVersion: 1 }),
    ]);
    const processDefinitionKey = deployment.processes[0]!.processDefinitionKey;
    const definition = await camunda.getProcessDefinition({ processDefinitionKey }, now);
    expect(definition).toMatchObject({
      name: 'Order fulfilment',
      version: 1,
      resourceName: 'order-fulfilment.bpmn',
    });
    expect(await camunda.getProcessDefinitionXml({ processDefinitionKey }, now)).toContain(
      'order-fulfilment',
    );

    // when: an order is placed
    const created = await camunda.createProcessInstance({
      processDefinitionId: ProcessDefinitionId.assumeExists('order-fulfilment'),
      variables: { orderId: 'A-1', amount: 120 },
    });
    const { processInstanceKey } = created;
    expect(created).toMatchObject({
      processDefinitionKey,
      processDefinitionVersion: 1,
      tenantId: '<default>',
    });

    // then: the SDK's job worker checks it
    const checked = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const worker = camunda.createJobWorker({
        jobType: 'order.check',
        jobTimeoutMs: 30_000,
        maxParallelJobs: 1,
        pollIntervalMs: 10,
        jobHandler: async (job) => {
          try {
            const receipt = await job.complete({ checked: true });
            resolve({ variables: job.variables, customHeaders: job.customHeaders, retries: job.retries });
            return receipt;
          } catch (error) {
            reject(error as Error);
            throw error;
          } finally {
            worker.stop();
          }
        },
      });
    });
    expect(checked).toEqual({
      variables: { orderId: 'A-1', amount: 120 },
      customHeaders: { channel: 'web' },
      retries: 3,
    });

    // and a clerk finds, claims and completes the approval
    const tasks = await camunda.searchUserTasks(
      { filter: { processInstanceKey, state: 'CREATED', candidateGroup: 'clerks' } },
      soon,
    );
    expect(tasks.items).toHaveLength(1);
    const { userTaskKey } = tasks.items[0]!;
    await camunda.assignUserTask({ userTaskKey, assignee: 'clerk-1' });
    const task = await camunda.getUserTask({ userTaskKey }, now);
    expect(task).toMatchObject({
      name: 'Approve order',
      elementId: 'ApproveOrder',
      assignee: 'clerk-1',
      candidateGroups: ['clerks', 'managers'],
      priority: 70,
      state: 'CREATED',
    });
    await camunda.completeUserTask({ userTaskKey, variables: { approved: true } });

    // and the payment arrives for the waiting order
    const correlated = await camunda.correlateMessage({
      name: 'payment-received',
      correlationKey: 'A-1',
      variables: { paid: 120 },
    });
    expect(correlated.processInstanceKey).toBe(processInstanceKey);

    // when: shipping fails with no retries left
    const first = await camunda.activateJobs({
      type: 'order.ship',
      worker: 'shipper',
      maxJobsToActivate: 5,
      timeout: 30_000,
      requestTimeout: 5_000,
    });
    expect(first.jobs).toHaveLength(1);
    const job = first.jobs[0]!;
    expect(job).toMatchObject({ processInstanceKey, elementId: 'ShipOrder', retries: 2, worker: 'shipper' });
    expect(job.variables).toEqual({ orderId: 'A-1', amount: 120, checked: true, approved: true, paid: 120 });
    await camunda.failJob({ jobKey: job.jobKey, retries: 0, errorMessage: 'the carrier is down' });

    // then: there is an incident on the instance
    const incidents = await camunda.searchIncidents(
      { filter: { processInstanceKey, state: 'ACTIVE' } },
      soon,
    );
    expect(incidents.items).toEqual([
      expect.objectContaining({
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'the carrier is down',
        elementId: 'ShipOrder',
        jobKey: job.jobKey,
      }),
    ]);
    expect(await camunda.getProcessInstance({ processInstanceKey }, now)).toMatchObject({
      hasIncident: true,
    });

    // when: an operator gives the job a retry and resolves the incident
    await camunda.updateJob({ jobKey: job.jobKey, changeset: { retries: 1 } });
    await camunda.resolveIncident({ incidentKey: incidents.items[0]!.incidentKey });
    const incident = await camunda.getIncident({ incidentKey: incidents.items[0]!.incidentKey }, now);
    expect(incident.state).toBe('RESOLVED');

    // then: the job can be worked again, and the order completes
    const second = await camunda.activateJobs({
      type: 'order.ship',
      worker: 'shipper',
      maxJobsToActivate: 5,
      timeout: 30_000,
      requestTimeout: 5_000,
    });
    expect(second.jobs.map((j) => j.jobKey)).toEqual([job.jobKey]);
    await camunda.completeJob({ jobKey: job.jobKey, variables: { trackingNumber: 'TRK-1' } });

    const finished = await camunda.getProcessInstance({ processInstanceKey }, now);
    expect(finished).toMatchObject({
      state: 'COMPLETED',
      hasIncident: false,
      processDefinitionName: 'Order fulfilment',
    });
    expect(finished.endDate).not.toBeNull();

    const variables = await camunda.searchVariables(
      { filter: { processInstanceKey }, sort: [{ field: 'name' }] },
      now,
    );
    expect(Object.fromEntries(variables.items.map((v) => [v.name, v.value]))).toEqual({
      amount: '120',
      approved: 'true',
      checked: 'true',
      orderId: '"A-1"',
      paid: '120',
      trackingNumber: '"TRK-1"',
    });

    const elements = await camunda.searchElementInstances(
      { filter: { processInstanceKey }, sort: [{ field: 'elementInstanceKey' }] },
      now,
    );
    expect(elements.items.map((e) => [e.elementId, e.type, e.state])).toEqual([
      ['order-fulfilment', 'PROCESS', 'COMPLETED'],
      ['OrderPlaced', 'START_EVENT', 'COMPLETED'],
      ['CheckOrder', 'SERVICE_TASK', 'COMPLETED'],
      ['ApproveOrder', 'USER_TASK', 'COMPLETED'],
      ['PaymentReceived', 'INTERMEDIATE_CATCH_EVENT', 'COMPLETED'],
      ['ShipOrder', 'SERVICE_TASK', 'COMPLETED'],
      ['OrderShipped', 'END_EVENT', 'COMPLETED'],
    ]);
    const statistics = await camunda.getProcessDefinitionStatistics({ processDefinitionKey }, now);
    expect(statistics.items).toContainEqual({
      elementId: 'ShipOrder',
      active: 0,
      canceled: 0,
      incidents: 0,
      completed: 1,
    });
  });

  it('starts an instance and awaits its result', async () => {
    await camunda.createDeployment({ resources: [await fixtureFile('straight-through.bpmn')] });
    const result = await camunda.createProcessInstance({
      processDefinitionId: ProcessDefinitionId.assumeExists('straight-through'),
      variables: { amount: 21, note: 'hi' },
      awaitCompletion: true,
      requestTimeout: 5_000,
      fetchVariables: ['amount', 'doubled'],
    });
    expect(result.variables).toEqual({ amount: 21, doubled: 42 });
  });

  it('publishes a message and cancels an instance', async () => {
    await camunda.createDeployment({ resources: [await fixtureFile('review-request.bpmn')] });
    const published = await camunda.publishMessage({
      name: 'nobody-listens',
      correlationKey: 'x',
      timeToLive: 1_000,
    });
    expect(published.tenantId).toBe('<default>');
    const { processInstanceKey } = await camunda.createProcessInstance({
      processDefinitionId: ProcessDefinitionId.assumeExists('review-request'),
      variables: { reviewer: 'ada', groups: ['legal'], due: '2030-01-01T10:00:00Z', priority: 10 },
    });
    await camunda.cancelProcessInstance({ processInstanceKey });
    const instances = await camunda.searchProcessInstances({ filter: { processInstanceKey } }, now);
    expect(instances.items[0]).toMatchObject({ state: 'TERMINATED' });
    const tasks = await camunda.searchUserTasks({ filter: { processInstanceKey } }, now);
    expect(tasks.items[0]).toMatchObject({
      state: 'CANCELED',
      assignee: 'ada',
      dueDate: '2030-01-01T10:00:00.000Z',
    });
  });
});
