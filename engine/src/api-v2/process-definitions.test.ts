import { ProcessInstanceKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let camunda: CamundaClient;
/** Validates responses strictly but sends pages as given (see sdkAccess). */
let paging: CamundaClient;
let token: string;

const now = { consistency: { waitUpToMs: 0 } };

/** The straight-through process with another name, so that each deployment is a new version. */
async function version(name: string): Promise<File> {
  const xml = await (await fixtureFile('straight-through.bpmn')).text();
  return new File([xml.replace('name="Straight through"', `name="${name}"`)], 'straight-through.bpmn');
}

beforeAll(async () => {
  server = await startTestServer();
  ({ client: camunda, token } = await sdkAccess(server));
  paging = (await sdkAccess(server, { validation: 'req:none,res:strict' })).client;
  for (const name of ['First', 'Second', 'Third']) {
    expect((await deployFiles(server, token, [await version(name)])).status).toBe(200);
  }
  await deployFiles(server, token, [
    await fixtureFile('order-fulfilment.bpmn'),
    await fixtureFile('review-request.bpmn'),
  ]);
});
afterAll(() => server.close());

describe('POST /v2/process-definitions/search', () => {
  it('finds every version, sorted as asked', async () => {
    const result = await camunda.searchProcessDefinitions(
      { filter: { processDefinitionId: 'straight-through' }, sort: [{ field: 'version', order: 'DESC' }] },
      now,
    );
    expect(result.items.map((d) => [d.version, d.name])).toEqual([
      [3, 'Third'],
      [2, 'Second'],
      [1, 'First'],
    ]);
    expect(result.page).toMatchObject({ totalItems: 3, hasMoreTotalItems: false });
  });

  it('filters the latest versions, by operators and by $like', async () => {
    const latest = await camunda.searchProcessDefinitions(
      { filter: { isLatestVersion: true }, sort: [{ field: 'processDefinitionId' }] },
      now,
    );
    expect(latest.items.map((d) => `${d.processDefinitionId}@${d.version}`)).toEqual([
      'order-fulfilment@1',
      'review-request@1',
      'straight-through@3',
    ]);
    const like = await camunda.searchProcessDefinitions(
      { filter: { processDefinitionId: { $like: '*-re*' } } },
      now,
    );
    expect(like.items.map((d) => d.processDefinitionId)).toEqual(['review-request']);
    const some = await camunda.searchProcessDefinitions(
      { filter: { processDefinitionId: { $in: ['order-fulfilment', 'review-request'] } } },
      now,
    );
    expect(some.page.totalItems).toBe(2);
    const byVersion = await v2(server, token, 'POST', '/process-definitions/search', {
      filter: { version: { $gte: 2 } },
    });
    expect(byVersion.body.page).toMatchObject({ totalItems: 2 });
  });

  it('pages with from, after and before', async () => {
    const all = await camunda.searchProcessDefinitions({ sort: [{ field: 'processDefinitionKey' }] }, now);
    const keys = all.items.map((d) => d.processDefinitionKey);
    expect(keys).toHaveLength(5);

    const second = await paging.searchProcessDefinitions(
      { sort: [{ field: 'processDefinitionKey' }], page: { from: 2, limit: 2 } },
      now,
    );
    expect(second.items.map((d) => d.processDefinitionKey)).toEqual(keys.slice(2, 4));
    expect(second.page.totalItems).toBe(5);

    const next = await paging.searchProcessDefinitions(
      { sort: [{ field: 'processDefinitionKey' }], page: { after: second.page.endCursor!, limit: 2 } },
      now,
    );
    expect(next.items.map((d) => d.processDefinitionKey)).toEqual(keys.slice(4));
    const previous = await paging.searchProcessDefinitions(
      { sort: [{ field: 'processDefinitionKey' }], page: { before: second.page.startCursor!, limit: 2 } },
      now,
    );
    expect(previous.items.map((d) => d.processDefinitionKey)).toEqual(keys.slice(0, 2));
    const empty = await camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'nothing' } }, now);
    expect(empty).toEqual({
      items: [],
      page: { totalItems: 0, hasMoreTotalItems: false, startCursor: null, endCursor: null },
    });
  });

  it('defaults to 100 items a page and refuses more than 1000', async () => {
    const tooMany = await v2(server, token, 'POST', '/process-definitions/search', { page: { limit: 1001 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([expect.objectContaining({ path: '/page/limit' })]);
    const ok = await v2(server, token, 'POST', '/process-definitions/search', { page: { limit: 1000 } });
    expect(ok.status).toBe(200);
  });

  it('refuses unknown filter and sort fields, bad operators and foreign cursors with 400', async () => {
    const cases: unknown[] = [
      { filter: { colour: 'red' } },
      { filter: { version: 'two' } },
      { filter: { processDefinitionId: { $regex: 'x' } } },
      { sort: [{ field: 'colour' }] },
      { sort: [{ field: 'version', order: 'UP' }] },
      { page: { from: 1, after: 'WyIxIl0=' } },
      { page: { after: 'not a cursor!' } },
      { page: { after: 'WyIxIiwiMiJd' } },
      { sort: [{ field: 'version' }], page: { after: 'WyIxIl0=' } },
      { unknown: true },
    ];
    for (const body of cases) {
      const response = await v2(server, token, 'POST', '/process-definitions/search', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ title: 'INVALID_ARGUMENT', errors: expect.any(Array) });
    }
    const unknown = await v2(server, token, 'POST', '/process-definitions/search', {
      filter: { colour: 'red' },
    });
    expect(JSON.stringify(unknown.body.errors)).toContain('colour');
  });
});

describe('GET /v2/process-definitions/{key}, /xml and element statistics', () => {
  it('returns the definition and its XML as deployed', async () => {
    const [definition] = (
      await camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'review-request' } }, now)
    ).items;
    const key = definition!.processDefinitionKey;
    expect(await camunda.getProcessDefinition({ processDefinitionKey: key }, now)).toEqual(definition);
    const xml = await fetch(`${server.url}/v2/process-definitions/${key}/xml`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(xml.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await xml.text()).toBe(await (await fixtureFile('review-request.bpmn')).text());
    expect((await v2(server, token, 'GET', '/process-definitions/12345')).status).toBe(404);
    expect((await v2(server, token, 'GET', '/process-definitions/12345/xml')).status).toBe(404);
  });

  it('counts element instances per element, filtered by instance', async () => {
    const [definition] = (
      await camunda.searchProcessDefinitions({ filter: { processDefinitionId: 'review-request' } }, now)
    ).items;
    const processDefinitionKey = definition!.processDefinitionKey;
    const engine = server.tramit.engine;
    const variables = { reviewer: 'ada', groups: [], due: null, priority: 50 };
    const kept = await engine.createInstance({ processDefinitionKey, variables });
    const canceled = await engine.createInstance({ processDefinitionKey, variables });
    await engine.cancelInstance(canceled.processInstanceKey);

    const all = await camunda.getProcessDefinitionStatistics({ processDefinitionKey }, now);
    expect(all.items).toEqual([
      { elementId: 'Requested', active: 0, canceled: 0, incidents: 0, completed: 2 },
      { elementId: 'Review', active: 1, canceled: 1, incidents: 0, completed: 0 },
      { elementId: 'review-request', active: 1, canceled: 1, incidents: 0, completed: 0 },
    ]);
    const active = await camunda.getProcessDefinitionStatistics(
      {
        processDefinitionKey,
        filter: { processInstanceKey: ProcessInstanceKey.assumeExists(kept.processInstanceKey) },
      },
      now,
    );
    expect(active.items.find((s) => s.elementId === 'Review')).toMatchObject({ active: 1, canceled: 0 });
    const bad = await v2(
      server,
      token,
      'POST',
      `/process-definitions/${processDefinitionKey}/statistics/element-instances`,
      {
        filter: { colour: 'red' },
      },
    );
    expect(bad.status).toBe(400);
  });
});
