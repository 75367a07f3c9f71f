import { ElementId, ProcessInstanceKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let camunda: CamundaClient;
let token: string;
const instances: Record<string, ProcessInstanceKey> = {};

const now = { consistency: { waitUpToMs: 0 } };

const requests = {
  legal: { reviewer: 'ada', groups: ['legal'], due: '2030-01-01T10:00:00Z', priority: 80 },
  finance: { reviewer: null, groups: ['finance', 'audit'], due: '2030-06-01T10:00:00+02:00', priority: 20 },
  audit: { reviewer: null, groups: ['audit'], due: null, priority: 50 },
};

beforeAll(async () => {
  server = await startTestServer();
  ({ client: camunda, token } = await sdkAccess(server));
  await deployFiles(server, token, [await fixtureFile('review-request.bpmn')]);
  for (const [name, variables] of Object.entries(requests)) {
    const created = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'review-request',
      variables,
    });
    instances[name] = ProcessInstanceKey.assumeExists(created.body.processInstanceKey as string);
  }
});
afterAll(() => server.close());

const taskOf = async (name: string) =>
  (await camunda.searchUserTasks({ filter: { processInstanceKey: instances[name]! } }, now)).items[0]!;

describe('POST /v2/user-tasks/search', () => {
  it('filters by candidate group and user, assignee, state and element', async () => {
    const audit = await camunda.searchUserTasks({ filter: { candidateGroup: 'audit' } }, now);
    expect(audit.items.map((t) => t.processInstanceKey).sort()).toEqual(
      [instances.finance, instances.audit].sort(),
    );
    const either = await camunda.searchUserTasks(
      { filter: { candidateGroup: { $in: ['legal', 'finance'] } } },
      now,
    );
    expect(either.page.totalItems).toBe(2);
    const grace = await camunda.searchUserTasks(
      { filter: { candidateUser: 'grace', elementId: ElementId.assumeExists('Review') } },
      now,
    );
    expect(grace.page.totalItems).toBe(3);
    const ada = await camunda.searchUserTasks({ filter: { assignee: 'ada', state: 'CREATED' } }, now);
    expect(ada.items.map((t) => t.processInstanceKey)).toEqual([instances.legal]);
    const unassigned = await camunda.searchUserTasks({ filter: { assignee: { $exists: false } } }, now);
    expect(unassigned.page.totalItems).toBe(2);
    const byVariable = await camunda.searchUserTasks(
      { filter: { processInstanceVariables: [{ name: 'priority', value: '20' }] } },
      now,
    );
    expect(byVariable.items.map((t) => t.processInstanceKey)).toEqual([instances.finance]);
  });

  it('sorts by priority and due date, and filters due dates', async () => {
    const byPriority = await camunda.searchUserTasks({ sort: [{ field: 'priority', order: 'DESC' }] }, now);
    expect(byPriority.items.map((t) => t.priority)).toEqual([80, 50, 20]);
    const byDue = await camunda.searchUserTasks({ sort: [{ field: 'dueDate' }] }, now);
    expect(byDue.items.map((t) => t.dueDate)).toEqual([
      '2030-01-01T10:00:00.000Z',
      '2030-06-01T08:00:00.000Z',
      null,
    ]);
    const dueSoon = await camunda.searchUserTasks(
      { filter: { dueDate: { $lt: '2030-03-01T00:00:00Z' } } },
      now,
    );
    expect(dueSoon.items.map((t) => t.processInstanceKey)).toEqual([instances.legal]);
  });
});

describe('user task commands', () => {
  it('gets a task with everything the SDK expects', async () => {
    const task = await taskOf('legal');
    expect(await camunda.getUserTask({ userTaskKey: task.userTaskKey }, now)).toEqual(task);
    expect(task).toMatchObject({
      name: 'Review the request',
      state: 'CREATED',
      assignee: 'ada',
      candidateGroups: ['legal'],
      candidateUsers: ['ada', 'grace'],
      processDefinitionId: 'review-request',
      processDefinitionVersion: 1,
      processName: 'Review request',
      formKey: null,
      customHeaders: {},
    });
  });

  it('assigns, refuses to take over when told not to, unassigns and completes', async () => {
    const { userTaskKey } = await taskOf('finance');
    await camunda.assignUserTask({ userTaskKey, assignee: 'bob' });
    const takeover = await v2(server, token, 'POST', `/user-tasks/${userTaskKey}/assignment`, {
      assignee: 'eve',
      allowOverride: false,
    });
    expect(takeover.status).toBe(409);
    await camunda.assignUserTask({ userTaskKey, assignee: 'eve' });
    expect((await camunda.getUserTask({ userTaskKey }, now)).assignee).toBe('eve');
    await camunda.unassignUserTask({ userTaskKey });
    expect((await camunda.getUserTask({ userTaskKey }, now)).assignee).toBeNull();

    await camunda.completeUserTask({ userTaskKey, variables: { verdict: 'ok' } });
    const done = await camunda.getUserTask({ userTaskKey }, now);
    expect(done.state).toBe('COMPLETED');
    expect(done.completionDate).not.toBeNull();
    const completed = await camunda.searchUserTasks({ filter: { state: 'COMPLETED' } }, now);
    expect(completed.items.map((t) => t.userTaskKey)).toEqual([userTaskKey]);
    expect((await v2(server, token, 'GET', '/user-tasks/1')).status).toBe(404);
  });
});
