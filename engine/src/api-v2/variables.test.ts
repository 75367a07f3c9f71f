import { ProcessInstanceKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { truncationLength } from './variable-query.js';

let server: TestServer;
let camunda: CamundaClient;
let token: string;
let processInstanceKey: ProcessInstanceKey;

const now = { consistency: { waitUpToMs: 0 } };
const long = 'z'.repeat(10_000);

beforeAll(async () => {
  server = await startTestServer();
  ({ client: camunda, token } = await sdkAccess(server));
  await deployFiles(server, token, [await fixtureFile('order-fulfilment.bpmn')]);
  const created = await v2(server, token, 'POST', '/process-instances', {
    processDefinitionId: 'order-fulfilment',
    variables: {
      orderId: 'V-1',
      amount: 12.5,
      paid: false,
      items: [{ sku: 'a', qty: 2 }],
      note: null,
      long,
      digits: '123',
    },
  });
  processInstanceKey = ProcessInstanceKey.assumeExists(created.body.processInstanceKey as string);
});
afterAll(() => server.close());

describe('variables', () => {
  it('serializes values as JSON text, as Camunda does', async () => {
    const result = await camunda.searchVariables(
      { filter: { processInstanceKey, name: { $neq: 'long' } }, sort: [{ field: 'name' }] },
      now,
    );
    expect(result.items.map((v) => [v.name, v.value])).toEqual([
      ['amount', '12.5'],
      ['digits', '"123"'],
      ['items', '[{"qty":2,"sku":"a"}]'], // jsonb keeps object keys in its own order
      ['note', 'null'],
      ['orderId', '"V-1"'],
      ['paid', 'false'],
    ]);
    expect(result.items[0]).toMatchObject({
      scopeKey: processInstanceKey,
      processInstanceKey,
      rootProcessInstanceKey: processInstanceKey,
      tenantId: '<default>',
      isTruncated: false,
    });
  });

  it('cuts long values in searches unless truncateValues=false; GET returns them whole', async () => {
    const [cut] = (await camunda.searchVariables({ filter: { name: 'long' } }, now)).items;
    expect(cut).toMatchObject({ isTruncated: true });
    expect(cut!.value).toHaveLength(truncationLength);
    const whole = await v2<{ items: { value: string; isTruncated: boolean }[] }>(
      server,
      token,
      'POST',
      '/variables/search?truncateValues=false',
      { filter: { name: 'long' } },
    );
    expect(whole.body.items[0]).toMatchObject({ value: JSON.stringify(long), isTruncated: false });
    const one = await camunda.getVariable({ variableKey: cut!.variableKey }, now);
    expect(one.value).toBe(JSON.stringify(long));
    expect(one).not.toHaveProperty('isTruncated');
    const truncated = await camunda.searchVariables({ filter: { isTruncated: true } }, now);
    expect(truncated.items.map((v) => v.name)).toEqual(['long']);
  });

  it('filters by value and name patterns; 404 and 400 where due', async () => {
    const byValue = await camunda.searchVariables({ filter: { value: '"V-1"' } }, now);
    expect(byValue.items.map((v) => v.name)).toEqual(['orderId']);
    const byName = await camunda.searchVariables({ filter: { name: { $like: 'p?id' } } }, now);
    expect(byName.items.map((v) => v.name)).toEqual(['paid']);
    expect((await v2(server, token, 'GET', '/variables/1')).status).toBe(404);
    expect((await v2(server, token, 'POST', '/variables/search?truncateValues=maybe', {})).status).toBe(400);
  });
});
