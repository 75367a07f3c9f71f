import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import type { JsonResponse } from '../../test/http-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = (await sdkAccess(server)).token;
  expect((await deployFiles(server, token, [await fixtureFile('order-fulfilment.bpmn')])).status).toBe(200);
});
afterAll(() => server.close());

const tables = [
  'deployments',
  'process_definitions',
  'process_instances',
  'element_instances',
  'variables',
  'jobs',
  'user_tasks',
  'incidents',
  'message_subscriptions',
  'messages',
  'history',
];

/** Row counts of every engine table, and the states of jobs and user tasks. */
async function databaseState() {
  const db = server.tramit.db;
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await db(table).count({ n: '*' }))[0]!.n);
  const jobs = await db('jobs').orderBy('key').select('key', 'state', 'retries');
  const tasks = await db('user_tasks').orderBy('key').select('key', 'state', 'assignee');
  return { counts, jobs, tasks };
}

/** Runs the bad request and checks that it changed nothing. */
async function unchanged(send: () => Promise<JsonResponse>): Promise<JsonResponse> {
  const before = await databaseState();
  const response = await send();
  expect(await databaseState()).toEqual(before);
  return response;
}

/** Starts an order and activates its check job. */
async function orderWithActivatedCheck(
  orderId: string,
): Promise<{ processInstanceKey: string; jobKey: string }> {
  const started = await v2(server, token, 'POST', '/process-instances', {
    processDefinitionId: 'order-fulfilment',
    variables: { orderId },
  });
  const activated = await v2<{ jobs: { jobKey: string }[] }>(server, token, 'POST', '/jobs/activation', {
    type: 'order.check',
    maxJobsToActivate: 1,
    timeout: 10_000,
    requestTimeout: 2_000,
  });
  return {
    processInstanceKey: started.body.processInstanceKey as string,
    jobKey: activated.body.jobs[0]!.jobKey,
  };
}

function expectProblem(response: JsonResponse, status: number, title?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, type: expect.any(String), detail: expect.any(String) });
  expect(response.body.instance).toMatch(/^\/v2\//);
  if (title) expect(response.body.title).toBe(title);
}

const file = (name: string, content: string | Uint8Array) =>
  new File([content as BlobPart], name, { type: 'application/xml' });

describe('deployments refuse bad resources with every problem, and change nothing', () => {
  it('XML with a DOCTYPE (billion laughs) → 400, refused before parsing', async () => {
    const started = Date.now();
    const response = await unchanged(async () =>
      deployFiles(server, token, [await fixtureFile('billion-laughs.bpmn')]),
    );
    expectProblem(response, 400, 'INVALID_ARGUMENT');
    expect(String(response.body.detail)).toMatch(/DTD|DOCTYPE|entit/i);
    expect(JSON.stringify(response.body)).not.toContain('lollollol');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('XML that is not BPMN → 400', async () => {
    const response = await unchanged(async () =>
      deployFiles(server, token, [await fixtureFile('not-bpmn.xml')]),
    );
    expectProblem(response, 400, 'INVALID_ARGUMENT');
    expect(String(response.body.detail)).toMatch(/not a BPMN/i);
  });

  it('a file that is not XML at all → 400', async () => {
    const response = await unchanged(() =>
      deployFiles(server, token, [file('notes.txt', 'just some notes')]),
    );
    expectProblem(response, 400, 'INVALID_ARGUMENT');
  });

  it('a model with three problems → 400 listing the three elements', async () => {
    const response = await unchanged(async () =>
      deployFiles(server, token, [await fixtureFile('three-problems.bpmn')]),
    );
    expectProblem(response, 400, 'INVALID_ARGUMENT');
    const errors = response.body.errors as { elementId?: string; message: string }[];
    expect(errors.map((e) => e.elementId)).toEqual(
      expect.arrayContaining(['ScoreApplication', 'Flow_Dangling', 'Flow_Large']),
    );
    for (const id of ['ScoreApplication', 'Flow_Dangling', 'Flow_Large']) {
      expect(String(response.body.detail)).toContain(id);
    }
  });

  it('a good file with a bad one → 400, and the good one is not deployed either', async () => {
    const response = await unchanged(async () =>
      deployFiles(server, token, [
        await fixtureFile('straight-through.bpmn'),
        await fixtureFile('three-problems.bpmn'),
      ]),
    );
    expectProblem(response, 400, 'INVALID_ARGUMENT');
  });

  it('more than 5 MB in one file → 413', async () => {
    const response = await unchanged(() =>
      deployFiles(server, token, [file('big.bpmn', bigBpmn(6 * 1024 * 1024))]),
    );
    expectProblem(response, 413);
  });

  it('more than 5 MB over several files → 413', async () => {
    const part = bigBpmn(2 * 1024 * 1024);
    const files = ['a.bpmn', 'b.bpmn', 'c.bpmn'].map((name) => file(name, part));
    const response = await unchanged(() => deployFiles(server, token, files));
    expectProblem(response, 413);
  });

  it('more than 5 MB streamed without Content-Length (chunked) → 413 while reading', async () => {
    const form = new FormData();
    for (const name of ['a.bpmn', 'b.bpmn', 'c.bpmn'])
      form.append('resources', file(name, bigBpmn(2 * 1024 * 1024)));
    const encoded = new Response(form);
    const response = await unchanged(async () => {
      const r = await fetch(`${server.url}/v2/deployments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': encoded.headers.get('content-type')! },
        body: encoded.body,
        duplex: 'half',
      } as RequestInit);
      return { status: r.status, headers: r.headers, body: (await r.json()) as Record<string, unknown> };
    });
    expectProblem(response, 413);
  });

  it('no files, a JSON body, or another tenant → 400 / 415 / 400', async () => {
    const empty = await unchanged(() => deployFiles(server, token, []));
    expectProblem(empty, 400, 'INVALID_ARGUMENT');
    const json = await unchanged(() => v2(server, token, 'POST', '/deployments', { resources: [] }));
    expectProblem(json, 415);
    const form = new FormData();
    form.append('resources', await fixtureFile('straight-through.bpmn'));
    form.append('tenantId', 'acme');
    const tenant = await unchanged(() =>
      fetch(`${server.url}/v2/deployments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      }).then(async (r) => ({
        status: r.status,
        headers: r.headers,
        body: (await r.json()) as Record<string, unknown>,
      })),
    );
    expectProblem(tenant, 400, 'INVALID_ARGUMENT');
    expect(String(tenant.body.detail)).toContain('multi-tenancy is disabled');
  });
});

describe('commands refuse bad input and unknown or finished targets, and change nothing', () => {
  it.each([
    ['an array', [1, 2]],
    ['a string', 'amount=5'],
    ['null', null],
    ['a number', 42],
  ])('variables that are %s → 400 naming /variables', async (_what, variables) => {
    const response = await unchanged(() =>
      v2(server, token, 'POST', '/process-instances', { processDefinitionId: 'order-fulfilment', variables }),
    );
    expectProblem(response, 400, 'INVALID_ARGUMENT');
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/variables' })]);
  });

  it('an instance of a process that does not exist → 404', async () => {
    const response = await unchanged(() =>
      v2(server, token, 'POST', '/process-instances', { processDefinitionId: 'no-such-process' }),
    );
    expectProblem(response, 404, 'NOT_FOUND');
  });

  it('neither or both of processDefinitionId and processDefinitionKey → 400', async () => {
    expectProblem(await unchanged(() => v2(server, token, 'POST', '/process-instances', {})), 400);
    const both = { processDefinitionId: 'order-fulfilment', processDefinitionKey: '1' };
    expectProblem(await unchanged(() => v2(server, token, 'POST', '/process-instances', both)), 400);
  });

  it('keys that are not keys → 400; keys of nothing → 404', async () => {
    expectProblem(
      await unchanged(() => v2(server, token, 'POST', '/jobs/abc/completion', {})),
      400,
      'INVALID_ARGUMENT',
    );
    expectProblem(
      await unchanged(() => v2(server, token, 'POST', '/jobs/1/completion', {})),
      404,
      'NOT_FOUND',
    );
    expectProblem(await unchanged(() => v2(server, token, 'POST', '/jobs/1/failure', {})), 404, 'NOT_FOUND');
    expectProblem(
      await unchanged(() => v2(server, token, 'POST', '/user-tasks/1/completion', {})),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await unchanged(() => v2(server, token, 'POST', '/user-tasks/1/assignment', { assignee: 'x' })),
      404,
    );
    expectProblem(
      await unchanged(() => v2(server, token, 'POST', '/incidents/1/resolution')),
      404,
      'NOT_FOUND',
    );
    expectProblem(await unchanged(() => v2(server, token, 'POST', '/process-instances/1/cancellation')), 404);
    expectProblem(await unchanged(() => v2(server, token, 'GET', '/process-instances/1')), 404, 'NOT_FOUND');
  });

  it('completing a job or user task twice: the job is gone (404), the task is no longer open (409)', async () => {
    // given: an order whose check job and approval task were completed
    const { processInstanceKey, jobKey } = await orderWithActivatedCheck('B-2');
    expect((await v2(server, token, 'POST', `/jobs/${jobKey}/completion`, {})).status).toBe(204);
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
    expect((await v2(server, token, 'POST', `/user-tasks/${userTaskKey}/completion`)).status).toBe(204);

    // when / then: doing it again changes nothing
    expectProblem(
      await unchanged(() => v2(server, token, 'POST', `/jobs/${jobKey}/completion`, {})),
      404,
      'NOT_FOUND',
    );
    const again = await unchanged(() =>
      v2(server, token, 'POST', `/user-tasks/${userTaskKey}/completion`, {}),
    );
    expectProblem(again, 409, 'INVALID_STATE');
    expectProblem(
      await unchanged(() =>
        v2(server, token, 'POST', `/user-tasks/${userTaskKey}/assignment`, { assignee: 'x' }),
      ),
      409,
      'INVALID_STATE',
    );
  });

  it('a job left behind an incident (no retries left): completing or failing it again → 409', async () => {
    const { jobKey } = await orderWithActivatedCheck('B-3');
    const failed = await v2(server, token, 'POST', `/jobs/${jobKey}/failure`, {
      retries: 0,
      errorMessage: 'down',
    });
    expect(failed.status).toBe(204);
    for (const [path, body] of [
      ['completion', {}],
      ['failure', { retries: 0 }],
      ['error', { errorCode: 'x' }],
    ] as const) {
      const response = await unchanged(() => v2(server, token, 'POST', `/jobs/${jobKey}/${path}`, body));
      expectProblem(response, 409, 'INVALID_STATE');
      expect(String(response.body.detail)).toContain('incident');
    }
  });

  it('bad job, message and task bodies → 400 naming each bad field', async () => {
    const activation = await unchanged(() =>
      v2(server, token, 'POST', '/jobs/activation', {
        type: '',
        maxJobsToActivate: 0,
        timeout: 'soon',
        colour: 1,
      }),
    );
    expectProblem(activation, 400, 'INVALID_ARGUMENT');
    const paths = (activation.body.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/type', '/maxJobsToActivate', '/timeout', '/']));

    const message = await unchanged(() =>
      v2(server, token, 'POST', '/messages/publication', { name: 'm', variables: ['x'], timeToLive: -1 }),
    );
    expectProblem(message, 400, 'INVALID_ARGUMENT');
    expect((message.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      '/timeToLive',
      '/variables',
    ]);

    const assignment = await unchanged(() =>
      v2(server, token, 'POST', '/user-tasks/1/assignment', { assignee: '' }),
    );
    expectProblem(assignment, 400, 'INVALID_ARGUMENT');
    const retries = await unchanged(() => v2(server, token, 'PATCH', '/jobs/1', { changeset: {} }));
    expectProblem(retries, 400, 'INVALID_ARGUMENT');
  });

  it('callers without the permission → 403, and nothing changes', async () => {
    const agent = await sdkAccess(server, { roles: ['agent'] });
    const integration = await sdkAccess(server, { roles: ['integration'] });
    const activation = { type: 'order.check', maxJobsToActivate: 1, timeout: 1_000, requestTimeout: -1 };
    expectProblem(
      await unchanged(() => v2(server, agent.token, 'POST', '/jobs/activation', activation)),
      403,
    );
    expectProblem(await unchanged(() => deployFiles(server, agent.token, [file('x.bpmn', 'x')])), 403);
    expectProblem(
      await unchanged(() => v2(server, integration.token, 'POST', '/incidents/1/resolution')),
      403,
    );
    expectProblem(
      await unchanged(() => v2(server, integration.token, 'POST', '/user-tasks/1/completion')),
      403,
    );
  });

  it('correlating a message nobody waits for → 404', async () => {
    const response = await unchanged(() =>
      v2(server, token, 'POST', '/messages/correlation', {
        name: 'payment-received',
        correlationKey: 'nobody',
      }),
    );
    expectProblem(response, 404, 'NOT_FOUND');
  });

  it('malformed JSON → 400', async () => {
    const response = await unchanged(() =>
      fetch(`${server.url}/v2/process-instances`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"processDefinitionId": ',
      }).then(async (r) => ({
        status: r.status,
        headers: r.headers,
        body: (await r.json()) as Record<string, unknown>,
      })),
    );
    expectProblem(response, 400);
  });
});

function bigBpmn(bytes: number): string {
  const head = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
  <bpmn:process id="big" isExecutable="true"><bpmn:documentation>`;
  const tail = `</bpmn:documentation><bpmn:startEvent id="S" /></bpmn:process></bpmn:definitions>`;
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
}
