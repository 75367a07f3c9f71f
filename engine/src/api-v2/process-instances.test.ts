import {
  ProcessInstanceKey,
  StartCursor,
  type CamundaClient,
  type EndCursor,
} from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let camunda: CamundaClient;
let paging: CamundaClient;
let token: string;
const keys: ProcessInstanceKey[] = [];
const canceled: ProcessInstanceKey[] = [];

const now = { consistency: { waitUpToMs: 0 } };

beforeAll(async () => {
  server = await startTestServer();
  ({ client: camunda, token } = await sdkAccess(server));
  paging = (await sdkAccess(server, { validation: 'req:none,res:strict' })).client;
  await deployFiles(server, token, [
    await fixtureFile('review-request.bpmn'),
    await fixtureFile('straight-through.bpmn'),
  ]);
  for (let i = 0; i < 12; i++) {
    const created = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'review-request',
      variables: {
        reviewer: i % 3 === 0 ? 'ada' : 'grace',
        groups: ['legal'],
        due: null,
        priority: i * 5,
        n: i,
      },
    });
    keys.push(ProcessInstanceKey.assumeExists(created.body.processInstanceKey as string));
  }
  for (const key of [keys[2]!, keys[5]!, keys[7]!]) {
    expect((await v2(server, token, 'POST', `/process-instances/${key}/cancellation`)).status).toBe(204);
    canceled.push(key);
  }
});
afterAll(() => server.close());

describe('POST /v2/process-instances/search', () => {
  it('filters by state, definition, variables and dates', async () => {
    const active = await camunda.searchProcessInstances(
      { filter: { processDefinitionId: 'review-request', state: 'ACTIVE' } },
      now,
    );
    expect(active.page.totalItems).toBe(9);
    const terminated = await camunda.searchProcessInstances(
      { filter: { state: { $eq: 'TERMINATED' } } },
      now,
    );
    expect(terminated.items.map((i) => i.processInstanceKey).sort()).toEqual([...canceled].sort());
    expect(terminated.items.every((i) => i.endDate !== null)).toBe(true);

    const ada = await camunda.searchProcessInstances(
      { filter: { variables: [{ name: 'reviewer', value: '"ada"' }] } },
      now,
    );
    expect(ada.items.map((i) => i.processInstanceKey).sort()).toEqual(
      [keys[0], keys[3], keys[6], keys[9]].sort(),
    );
    const adaActive = await camunda.searchProcessInstances(
      { filter: { variables: [{ name: 'reviewer', value: { $in: ['"ada"'] } }], state: 'ACTIVE' } },
      now,
    );
    expect(adaActive.page.totalItems).toBe(4);

    const started = (await camunda.getProcessInstance({ processInstanceKey: keys[6]! }, now)).startDate;
    const later = await camunda.searchProcessInstances({ filter: { startDate: { $gt: started } } }, now);
    expect(later.items.every((i) => i.startDate > started)).toBe(true);
    expect(later.page.totalItems).toBeLessThanOrEqual(5);

    const named = await camunda.searchProcessInstances(
      { filter: { processDefinitionName: { $like: 'Review*' } } },
      now,
    );
    expect(named.page.totalItems).toBe(12);
    const atReview = await camunda.searchProcessInstances(
      { filter: { elementId: 'Review', hasIncident: false } },
      now,
    );
    expect(atReview.page.totalItems).toBe(12);
    const chosen = await camunda.searchProcessInstances(
      { filter: { processInstanceKey: { $in: [keys[0]!, keys[1]!] } } },
      now,
    );
    expect(chosen.items.map((i) => i.processInstanceKey).sort()).toEqual([keys[0], keys[1]].sort());
  });

  it('pages through a sort on a nullable field without losing or repeating rows', async () => {
    const sort = [{ field: 'endDate' as const, order: 'DESC' as const }];
    const all = await camunda.searchProcessInstances({ sort, page: { limit: 100 } }, now);
    expect(all.items).toHaveLength(12);
    // descending puts nulls (active instances) first, as PostgreSQL does
    expect(all.items.slice(0, 9).every((i) => i.endDate === null)).toBe(true);

    const seen: string[] = [];
    let after: EndCursor | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await paging.searchProcessInstances(
        { sort, page: after ? { after, limit: 5 } : { limit: 5 } },
        now,
      );
      seen.push(...page.items.map((i) => i.processInstanceKey));
      if (page.items.length < 5 || !page.page.endCursor) break;
      after = page.page.endCursor;
    }
    expect(seen).toEqual(all.items.map((i) => i.processInstanceKey));

    const back = await paging.searchProcessInstances(
      {
        sort,
        page: {
          before: StartCursor.assumeExists(
            (await camunda.searchProcessInstances({ sort, page: { limit: 100 } }, now)).page.endCursor!,
          ),
          limit: 3,
        },
      },
      now,
    );
    expect(back.items.map((i) => i.processInstanceKey)).toEqual(seen.slice(8, 11));
  });

  it('sorts by several fields', async () => {
    const result = await camunda.searchProcessInstances(
      { sort: [{ field: 'state' }, { field: 'processInstanceKey', order: 'DESC' }] },
      now,
    );
    const expected = [...keys.filter((k) => !canceled.includes(k)).reverse(), ...[...canceled].reverse()];
    expect(result.items.map((i) => i.processInstanceKey)).toEqual(expected);
  });
});

describe('process instance commands', () => {
  it('gets an instance by key', async () => {
    const instance = await camunda.getProcessInstance({ processInstanceKey: keys[0]! }, now);
    expect(instance).toMatchObject({
      processInstanceKey: keys[0],
      processDefinitionId: 'review-request',
      processDefinitionName: 'Review request',
      processDefinitionVersion: 1,
      state: 'ACTIVE',
      hasIncident: false,
      parentProcessInstanceKey: null,
      rootProcessInstanceKey: keys[0],
      endDate: null,
      tags: [],
    });
  });

  it('awaiting an instance that does not complete in time → 504, and it goes on', async () => {
    const started = Date.now();
    const response = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'review-request',
      variables: { reviewer: 'ada', groups: [], due: null, priority: 1 },
      awaitCompletion: true,
      requestTimeout: 300,
    });
    expect(response.status).toBe(504);
    expect(response.body).toMatchObject({ title: 'DEADLINE_EXCEEDED', status: 504 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const running = await camunda.searchProcessInstances({ filter: { state: 'ACTIVE' } }, now);
    expect(running.page.totalItems).toBe(10);
  });

  it('starts by key and by id with a version, and awaits the result', async () => {
    const definitions = await camunda.searchProcessDefinitions(
      { filter: { processDefinitionId: 'straight-through' } },
      now,
    );
    const processDefinitionKey = definitions.items[0]!.processDefinitionKey;
    const byKey = await camunda.createProcessInstance({
      processDefinitionKey,
      variables: { amount: 2 },
      awaitCompletion: true,
    });
    expect(byKey.variables).toEqual({ amount: 2, doubled: 4 });
    const byVersion = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'straight-through',
      processDefinitionVersion: 1,
      variables: { amount: 1 },
    });
    expect(byVersion.body).toMatchObject({
      processDefinitionKey,
      processDefinitionVersion: 1,
      variables: {},
    });
    const noVersion = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'straight-through',
      processDefinitionVersion: 7,
    });
    expect(noVersion.status).toBe(404);
  });

  it('cancels once; a second cancellation finds nothing to cancel (404)', async () => {
    const again = await v2(server, token, 'POST', `/process-instances/${canceled[0]}/cancellation`, {});
    expect(again.status).toBe(404);
    expect(again.body.title).toBe('NOT_FOUND');
  });
});
