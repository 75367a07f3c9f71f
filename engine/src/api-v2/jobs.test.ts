import { ProcessInstanceKey, type CamundaClient } from '@camunda8/orchestration-cluster-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let camunda: CamundaClient;
let token: string;

const now = { consistency: { waitUpToMs: 0 } };

async function startOrder(orderId: string): Promise<ProcessInstanceKey> {
  const created = await v2(server, token, 'POST', '/process-instances', {
    processDefinitionId: 'order-fulfilment',
    variables: { orderId, secret: 'x', amount: 10 },
  });
  return ProcessInstanceKey.assumeExists(created.body.processInstanceKey as string);
}

beforeAll(async () => {
  server = await startTestServer();
  ({ client: camunda, token } = await sdkAccess(server));
  await deployFiles(server, token, [await fixtureFile('order-fulfilment.bpmn')]);
});
afterAll(() => server.close());

describe('POST /v2/jobs/activation', () => {
  it('answers at once with no jobs when long polling is off (requestTimeout < 0)', async () => {
    const started = Date.now();
    const result = await camunda.activateJobs({
      type: 'order.check',
      maxJobsToActivate: 1,
      timeout: 1_000,
      requestTimeout: -1,
    });
    expect(result.jobs).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('long-polls: waits for a job, and answers as soon as one is created', async () => {
    const waiting = camunda.activateJobs({
      type: 'order.check',
      worker: 'poller',
      maxJobsToActivate: 5,
      timeout: 30_000,
      requestTimeout: 8_000,
      fetchVariable: ['orderId'],
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    const processInstanceKey = await startOrder('L-1');
    const { jobs } = await waiting;
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      type: 'order.check',
      worker: 'poller',
      processInstanceKey,
      processDefinitionId: 'order-fulfilment',
      processDefinitionVersion: 1,
      rootProcessInstanceKey: processInstanceKey,
      kind: 'BPMN_ELEMENT',
      listenerEventType: 'UNSPECIFIED',
      userTask: null,
      variables: { orderId: 'L-1' },
      customHeaders: { channel: 'web' },
    });
    expect(jobs[0]!.deadline).toBeGreaterThan(Date.now() + 20_000);
  });

  it('waits the whole request timeout when no job comes', async () => {
    const started = Date.now();
    const result = await camunda.activateJobs({
      type: 'nobody.works.here',
      maxJobsToActivate: 1,
      timeout: 1_000,
      requestTimeout: 1_200,
    });
    expect(result.jobs).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_100);
  });
});

describe('job commands and POST /v2/jobs/search', () => {
  it('fails with retries left, throws errors, and shows each state', async () => {
    const retrying = await startOrder('J-1');
    const erroring = await startOrder('J-2');
    const { jobs } = await camunda.activateJobs({
      type: 'order.check',
      maxJobsToActivate: 10,
      timeout: 30_000,
      requestTimeout: 2_000,
    });
    const byInstance = new Map(jobs.map((j) => [j.processInstanceKey, j.jobKey]));
    await camunda.failJob({
      jobKey: byInstance.get(retrying)!,
      retries: 2,
      errorMessage: 'try later',
      retryBackOff: 60_000,
    });
    await camunda.throwJobError({
      jobKey: byInstance.get(erroring)!,
      errorCode: 'NO_STOCK',
      errorMessage: 'out of stock',
    });

    const failed = await camunda.searchJobs({ filter: { processInstanceKey: retrying } }, now);
    expect(failed.items[0]).toMatchObject({
      state: 'FAILED',
      retries: 2,
      hasFailedWithRetriesLeft: true,
      errorMessage: 'try later',
      type: 'order.check',
      elementId: 'CheckOrder',
      customHeaders: { channel: 'web' },
    });
    const thrown = await camunda.searchJobs({ filter: { processInstanceKey: erroring } }, now);
    expect(thrown.items[0]).toMatchObject({ state: 'ERROR_THROWN', errorMessage: 'out of stock' });

    const states = await camunda.searchJobs(
      { filter: { state: { $in: ['FAILED', 'ERROR_THROWN'] } }, sort: [{ field: 'state' }] },
      now,
    );
    expect(states.items.map((j) => j.state)).toEqual(['ERROR_THROWN', 'FAILED']);
    const retriesLeft = await camunda.searchJobs(
      { filter: { hasFailedWithRetriesLeft: true, type: 'order.check' } },
      now,
    );
    expect(retriesLeft.items.map((j) => j.processInstanceKey)).toEqual([retrying]);

    // a failed job with a back-off is not activated before its time
    const early = await camunda.activateJobs({
      type: 'order.check',
      maxJobsToActivate: 10,
      timeout: 1_000,
      requestTimeout: -1,
    });
    expect(early.jobs.map((j) => j.processInstanceKey)).not.toContain(retrying);
  });

  it('updates retries and the timeout of an activated job; refuses retries below 1', async () => {
    const processInstanceKey = await startOrder('J-3');
    const [job] = (await camunda.searchJobs({ filter: { processInstanceKey } }, now)).items;
    const jobKey = job!.jobKey;
    const read = async () => (await camunda.searchJobs({ filter: { jobKey } }, now)).items[0]!;
    await camunda.updateJob({ jobKey, changeset: { retries: 7 } });
    expect((await read()).retries).toBe(7);

    // Not activated: no lease to change (409), and the retries given with it are not changed either.
    const early = await v2(server, token, 'PATCH', `/jobs/${jobKey}`, {
      changeset: { retries: 5, timeout: 5_000 },
    });
    expect(early.status).toBe(409);
    expect(String(early.body.detail)).toContain('not active');
    expect((await read()).retries).toBe(7);

    const zero = await v2(server, token, 'PATCH', `/jobs/${jobKey}`, { changeset: { retries: 0 } });
    expect(zero.status).toBe(400);
    const negative = await v2(server, token, 'PATCH', `/jobs/${jobKey}`, { changeset: { timeout: -1 } });
    expect(negative.status).toBe(400);

    let activated: { jobKey: string }[] = [];
    while (!activated.some((j) => j.jobKey === jobKey)) {
      activated = (await camunda.activateJobs({ type: 'order.check', maxJobsToActivate: 50, timeout: 1_000 }))
        .jobs;
    }
    const before = Date.parse((await read()).deadline!);
    await camunda.updateJob({ jobKey, changeset: { timeout: 600_000 } });
    const after = Date.parse((await read()).deadline!);
    expect(after - before).toBeGreaterThan(500_000);
    expect(after).toBeLessThanOrEqual(Date.now() + 600_000);

    const unknown = await v2(server, token, 'PATCH', '/jobs/2251799813685249', {
      changeset: { timeout: 1_000 },
    });
    expect(unknown.status).toBe(404);
  });

  it('searches and sorts by creation and retries, and refuses unknown fields', async () => {
    const all = await camunda.searchJobs(
      { sort: [{ field: 'retries', order: 'DESC' }, { field: 'jobKey' }] },
      now,
    );
    const retries = all.items.map((j) => j.retries);
    expect(retries).toEqual([...retries].sort((a, b) => b - a));
    const recent = await camunda.searchJobs(
      {
        filter: { creationTime: { $gte: new Date(Date.now() - 60_000).toISOString() }, retries: { $gte: 3 } },
      },
      now,
    );
    expect(recent.items.length).toBeGreaterThan(0);
    expect(recent.items.every((j) => j.retries >= 3 && j.creationTime !== null)).toBe(true);
    const bad = await v2(server, token, 'POST', '/jobs/search', { filter: { priority: 1 } });
    expect(bad.status).toBe(400);
  });
});
