import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { BrowserSession, createTestUser, request } from '../../test/http-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import type { HistoryEntryItem } from './instance-history-query.js';

let server: TestServer;
let token: string;
let clientId: string;
let processInstanceKey: string;
let startRequestId: string;

type HistoryPage = { items: HistoryEntryItem[]; page: { limit: number; next: string | null } };

const history = (query = '', key = processInstanceKey) =>
  request<HistoryPage>(`${server.url}/api/v1/process-instances/${key}/history${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });

beforeAll(async () => {
  server = await startTestServer();
  ({ token, clientId } = await sdkAccess(server, { roles: ['integration'] }));
  await deployFiles(server, token, [await fixtureFile('order-fulfilment.bpmn')]);
  const created = await v2(server, token, 'POST', '/process-instances', {
    processDefinitionId: 'order-fulfilment',
    variables: { orderId: 'H-1' },
  });
  processInstanceKey = created.body.processInstanceKey as string;
  startRequestId = created.headers.get('x-request-id')!;
  const activated = await v2<{ jobs: { jobKey: string }[] }>(server, token, 'POST', '/jobs/activation', {
    type: 'order.check',
    maxJobsToActivate: 1,
    timeout: 10_000,
  });
  await v2(server, token, 'POST', `/jobs/${activated.body.jobs[0]!.jobKey}/completion`, {
    variables: { ok: true },
  });
});
afterAll(() => server.close());

describe('GET /api/v1/process-instances/{key}/history', () => {
  it('lists what happened, oldest first, with who did it and in which request', async () => {
    const response = await history();
    expect(response.status).toBe(200);
    const { items } = response.body;
    const ids = items.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(items[0]).toMatchObject({
      event: 'PROCESS_INSTANCE_CREATED',
      actor: `client:${clientId}`,
      requestId: startRequestId,
    });
    expect(items.map((e) => e.event)).toEqual(
      expect.arrayContaining(['ELEMENT_ACTIVATED', 'JOB_CREATED', 'JOB_COMPLETED', 'USER_TASK_CREATED']),
    );
    const completed = items.find((e) => e.event === 'JOB_COMPLETED')!;
    expect(completed.actor).toBe(`client:${clientId}`);
    expect(completed.requestId).not.toBe(startRequestId);
    expect(new Date(completed.at).toISOString()).toBe(completed.at);
  });

  it('pages with limit and next', async () => {
    const all = (await history('?limit=1000')).body.items;
    const first = await history('?limit=2');
    expect(first.body.items).toEqual(all.slice(0, 2));
    expect(first.body.page).toEqual({ limit: 2, next: all[1]!.id });
    const second = await history(`?limit=2&after=${first.body.page.next}`);
    expect(second.body.items).toEqual(all.slice(2, 4));
    const last = await history(`?after=${all[all.length - 1]!.id}`);
    expect(last.body).toEqual({ items: [], page: { limit: 100, next: null } });
  });

  it('is readable in a browser session with processes.read; 404 and 400 where due', async () => {
    const agent = await createTestUser(server.tramit.db, 'agent');
    const session = new BrowserSession(server.url);
    await session.login(agent.username, agent.password);
    expect((await session.send(`/api/v1/process-instances/${processInstanceKey}/history`)).status).toBe(200);
    expect((await history('', '999')).status).toBe(404);
    expect((await history('?limit=0')).status).toBe(400);
    expect((await history('?limit=5000')).status).toBe(400);
    expect((await history('?colour=red')).status).toBe(400);
    const anonymous = await request(`${server.url}/api/v1/process-instances/${processInstanceKey}/history`);
    expect(anonymous.status).toBe(401);
  });
});
