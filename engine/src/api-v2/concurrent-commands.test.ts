import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = (await sdkAccess(server)).token;
  await deployFiles(server, token, [await fixtureFile('order-fulfilment.bpmn')]);
});
afterAll(() => server.close());

async function startOrder(orderId: string): Promise<string> {
  const created = await v2(server, token, 'POST', '/process-instances', {
    processDefinitionId: 'order-fulfilment',
    variables: { orderId },
  });
  return created.body.processInstanceKey as string;
}

const history = (processInstanceKey: string, event: string) =>
  server.tramit.db('history').where({ process_instance_key: processInstanceKey, event }).count({ n: '*' });

describe('the same command sent many times at once takes effect once', () => {
  it('a job completed by eight requests at once: one 204, the others find it gone (404)', async () => {
    const processInstanceKey = await startOrder('C-1');
    const { body } = await v2<{ jobs: { jobKey: string }[] }>(server, token, 'POST', '/jobs/activation', {
      type: 'order.check',
      maxJobsToActivate: 1,
      timeout: 10_000,
    });
    const jobKey = body.jobs[0]!.jobKey;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => v2(server, token, 'POST', `/jobs/${jobKey}/completion`, {})),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([204, 404, 404, 404, 404, 404, 404, 404]);
    expect(Number((await history(processInstanceKey, 'JOB_COMPLETED'))[0]!.n)).toBe(1);
    expect(Number((await history(processInstanceKey, 'USER_TASK_CREATED'))[0]!.n)).toBe(1);
  });

  it('a user task completed by eight requests at once: one 204, the others 409', async () => {
    const processInstanceKey = await startOrder('C-2');
    const { body } = await v2<{ jobs: { jobKey: string }[] }>(server, token, 'POST', '/jobs/activation', {
      type: 'order.check',
      maxJobsToActivate: 1,
      timeout: 10_000,
    });
    await v2(server, token, 'POST', `/jobs/${body.jobs[0]!.jobKey}/completion`, {});
    const tasks = await v2<{ items: { userTaskKey: string }[] }>(
      server,
      token,
      'POST',
      '/user-tasks/search',
      {
        filter: { processInstanceKey },
      },
    );
    const userTaskKey = tasks.body.items[0]!.userTaskKey;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => v2(server, token, 'POST', `/user-tasks/${userTaskKey}/completion`, {})),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([204, 409, 409, 409, 409, 409, 409, 409]);
    expect(Number((await history(processInstanceKey, 'USER_TASK_COMPLETED'))[0]!.n)).toBe(1);
    expect(Number((await history(processInstanceKey, 'MESSAGE_SUBSCRIPTION_OPENED'))[0]!.n)).toBe(1);
  });
});
