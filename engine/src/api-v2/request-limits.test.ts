import { request as httpRequest, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess, v2 } from '../../test/camunda-api-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { ByteBudget } from './deployment-gate.js';

let server: TestServer;
let token: string;
const memory = 6 * 1024 * 1024;

beforeAll(async () => {
  server = await startTestServer({
    TRAMIT_VARIABLES_MAX_COUNT: '5',
    TRAMIT_VARIABLES_MAX_BYTES: '2048',
    TRAMIT_DEPLOY_MEMORY_BYTES: String(memory),
    TRAMIT_DEPLOY_QUEUE_MS: '300',
  });
  token = (await sdkAccess(server)).token;
  expect((await deployFiles(server, token, [await fixtureFile('order-fulfilment.bpmn')])).status).toBe(200);
});
afterAll(() => server.close());

const instances = async () => Number((await server.tramit.db('process_instances').count({ n: '*' }))[0]!.n);
const manyVariables = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`v${i}`, i]));

describe('variables per request', () => {
  it('refuses more variables than TRAMIT_VARIABLES_MAX_COUNT with 400 naming the limit, creating nothing', async () => {
    const before = await instances();
    const response = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'order-fulfilment',
      variables: manyVariables(6),
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      title: 'INVALID_ARGUMENT',
      errors: [{ path: '/variables', message: expect.stringContaining('TRAMIT_VARIABLES_MAX_COUNT') }],
    });
    expect(await instances()).toBe(before);
    const fine = await v2(server, token, 'POST', '/process-instances', {
      processDefinitionId: 'order-fulfilment',
      variables: manyVariables(5),
    });
    expect(fine.status).toBe(200);
  });

  it.each([
    ['/process-instances', { processDefinitionId: 'order-fulfilment' }],
    ['/jobs/1/completion', {}],
    ['/user-tasks/1/completion', {}],
    ['/messages/publication', { name: 'm', correlationKey: 'k' }],
  ])('refuses variables larger than TRAMIT_VARIABLES_MAX_BYTES on POST %s', async (path, body) => {
    const response = await v2(server, token, 'POST', path, { ...body, variables: { big: 'x'.repeat(3000) } });
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain('TRAMIT_VARIABLES_MAX_BYTES');
  });
});

describe('JSON content', () => {
  it.each([
    [
      'nested 5,000 deep',
      `{"processDefinitionId":"order-fulfilment","variables":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`,
      'TRAMIT_JSON_MAX_DEPTH',
    ],
    ['with a NUL', '{"processDefinitionId":"order-fulfilment","variables":{"a":"x\\u0000"}}', 'NUL'],
    [
      'with a lone surrogate',
      '{"processDefinitionId":"order-fulfilment","variables":{"a":"\\udc00x"}}',
      'surrogate',
    ],
  ])('a body %s → 400 naming the JSON path, creating nothing', async (_what, body, message) => {
    const before = await instances();
    const response = await fetch(`${server.url}/v2/process-instances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors[0]!.path).toMatch(/^\/variables\/a/);
    expect(problem.errors[0]!.message).toContain(message);
    expect(await instances()).toBe(before);
  });
});

/** A deployment whose multipart body is sent only in part, holding its place until `end`. */
function slowDeployment(bytes: number): { req: ClientRequest; done: Promise<number> } {
  const url = new URL(`${server.url}/v2/deployments`);
  const req = httpRequest({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(bytes),
    },
  });
  const done = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(-1));
  });
  req.write('--x\r\nContent-Disposition: form-data; name="resources"; filename="a.bpmn"\r\n\r\n<');
  return { req, done };
}

describe('concurrent deployments', () => {
  it('wait for TRAMIT_DEPLOY_MEMORY_BYTES; one that waits past TRAMIT_DEPLOY_QUEUE_MS is 503 with Retry-After', async () => {
    const held = slowDeployment(5 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 5 MB held + 1.1 MB > 6 MB: this one waits, and gives up after 300 ms.
    const xml = await (await fixtureFile('straight-through.bpmn')).text();
    const file = new File([`${xml}\n<!-- ${'p'.repeat(1_100_000)} -->\n`], 'padded.bpmn', {
      type: 'application/xml',
    });
    const busy = await deployFiles(server, token, [file]);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect(busy.body.detail).toContain('TRAMIT_DEPLOY_MEMORY_BYTES');

    // Once the held deployment ends (here the client gives up), the next one goes through.
    held.req.destroy();
    await held.done;
    const after = await deployFiles(server, token, [file]);
    expect(after.status).toBe(200);
  });
});

describe('ByteBudget', () => {
  it('admits in order within its capacity, and a waiter gives up after its timeout', async () => {
    const budget = new ByteBudget(10);
    const a = await budget.acquire(6, 1_000);
    const b = budget.acquire(6, 1_000);
    const c = budget.acquire(1, 1_000); // fits, but waits behind b: first come, first served
    expect(budget.queued).toBe(2);
    a!();
    const [releaseB, releaseC] = await Promise.all([b, c]);
    expect(budget.inUse).toBe(7);
    expect(await budget.acquire(5, 20)).toBeUndefined();
    releaseB!();
    releaseC!();
    releaseC!(); // twice is once
    expect(budget.inUse).toBe(0);
  });
});
