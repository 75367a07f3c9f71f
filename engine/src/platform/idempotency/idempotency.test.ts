import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFiles, fixtureFile, sdkAccess } from '../../../test/camunda-api-client.js';
import {
  citizenType,
  countRows,
  publishType,
  signedIn,
  supplyType,
} from '../../../test/entity-test-support.js';
import { request, type BrowserSession, type JsonResponse } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
let token: string;
let otherToken: string;
let agent: BrowserSession;
let n = 0;
const newKey = () => `key-${process.pid}-${++n}`;

function post(path: string, json: unknown, key?: string, bearer = token): Promise<JsonResponse> {
  return request(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, ...(key ? { 'idempotency-key': key } : {}) },
    json,
  });
}

const instancesOf = (processId: string) =>
  countRows(server, 'process_instances', { bpmn_process_id: processId });

beforeAll(async () => {
  server = await startTestServer();
  token = (await sdkAccess(server)).token;
  otherToken = (await sdkAccess(server)).token;
  await deployFiles(server, token, [await fixtureFile('review-request.bpmn')]);
  const admin = await signedIn(server, 'admin');
  agent = await signedIn(server, 'agent');
  await publishType(admin, 'citizen', citizenType());
  await publishType(admin, 'supply', supplyType());
});
afterAll(() => server.close());

describe('POST /v2/process-instances with an Idempotency-Key', () => {
  const start = { processDefinitionId: 'review-request', variables: { reviewer: 'ada', n: 1 } };

  it('creates one instance and answers a retry with the first answer', async () => {
    const before = await instancesOf('review-request');
    const key = newKey();
    const first = await post('/v2/process-instances', start, key);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // The same body with its members in another order is the same request.
    const retry = await post(
      '/v2/process-instances',
      { variables: { n: 1, reviewer: 'ada' }, processDefinitionId: 'review-request' },
      key,
    );
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await instancesOf('review-request')).toBe(before + 1);
  });

  it('refuses the same key with another body (422 naming the key), creating nothing', async () => {
    const key = newKey();
    expect((await post('/v2/process-instances', start, key)).status).toBe(200);
    const before = await instancesOf('review-request');
    const other = await post('/v2/process-instances', { ...start, variables: { reviewer: 'grace' } }, key);
    expect(other.status).toBe(422);
    expect(other.body.detail).toContain(key);
    expect(other.body.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
    expect(await instancesOf('review-request')).toBe(before);
  });

  it('creates exactly one instance for 20 concurrent duplicates, all answered alike', async () => {
    const before = await instancesOf('review-request');
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('/v2/process-instances', start, key)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(await instancesOf('review-request')).toBe(before + 1);
  });

  it('keeps keys apart per caller', async () => {
    const before = await instancesOf('review-request');
    const key = newKey();
    const mine = await post('/v2/process-instances', start, key);
    const theirs = await post('/v2/process-instances', start, key, otherToken);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.processInstanceKey).not.toBe(mine.body.processInstanceKey);
    expect(await instancesOf('review-request')).toBe(before + 2);
  });

  it("takes Camunda's operationReference as the key when no header is sent", async () => {
    const before = await instancesOf('review-request');
    const body = { ...start, operationReference: 4242 + n++ };
    const first = await post('/v2/process-instances', body);
    const retry = await post('/v2/process-instances', body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await instancesOf('review-request')).toBe(before + 1);
  });

  it('stores a 4xx answer and replays it; a key longer than 255 characters is a 400', async () => {
    const key = newKey();
    const missing = await post('/v2/process-instances', { processDefinitionId: 'not-deployed-yet' }, key);
    expect(missing.status).toBe(404);
    const again = await post('/v2/process-instances', { processDefinitionId: 'not-deployed-yet' }, key);
    expect(again.status).toBe(404);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toEqual(missing.body);

    const bad = await post('/v2/process-instances', start, 'x'.repeat(256));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key' })]);
  });

  it('answers a retry whose first response was lost after the commit with the first answer', async () => {
    const before = await instancesOf('review-request');
    const key = newKey();
    // In front of the real app: the first request's response is never sent (its socket is
    // destroyed when the handler, having committed, starts to answer), as when a process dies.
    const front = await lossyFront();
    const lost = await rawPost(front.url, '/v2/process-instances', start, key).catch((e: Error) => e);
    expect(lost).toBeInstanceOf(Error);
    await front.close();
    expect(await instancesOf('review-request')).toBe(before + 1);
    const retry = await post('/v2/process-instances', start, key);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const created = await server.tramit.db('process_instances').where({ key: retry.body.processInstanceKey });
    expect(created).toHaveLength(1);
    expect(await instancesOf('review-request')).toBe(before + 1);
  });
});

describe('other creating v2 requests with an Idempotency-Key', () => {
  it('publishes a message once', async () => {
    const key = newKey();
    const message = { name: 'nobody-waits', correlationKey: 'c-1', timeToLive: 60_000 };
    const first = await post('/v2/messages/publication', message, key);
    const retry = await post('/v2/messages/publication', message, key);
    expect(first.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRows(server, 'messages', { name: 'nobody-waits' })).toBe(1);
  });

  it('deploys once: the retry answers the same deployment', async () => {
    const before = await countRows(server, 'deployments');
    const key = newKey();
    const send = async () => {
      const form = new FormData();
      form.append('resources', await fixtureFile('straight-through.bpmn'));
      return request(`${server.url}/v2/deployments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
        body: form,
      });
    };
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRows(server, 'deployments')).toBe(before + 1);
  });
});

describe('POST /api/v1/entities/{type} and relation links with an Idempotency-Key', () => {
  const joan = { givenName: 'Joan', surname1: 'Idempotent' };

  it('creates one record; the retry replays status, body, ETag and Location', async () => {
    const key = newKey();
    const create = () =>
      agent.send('/api/v1/entities/citizen', {
        method: 'POST',
        json: joan,
        headers: { 'idempotency-key': key },
      });
    const first = await create();
    const retry = await create();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('location')).toBe(`/api/v1/entities/citizen/${first.body.id as string}`);
    const other = await agent.send('/api/v1/entities/citizen', {
      method: 'POST',
      json: { ...joan, surname2: 'Altre' },
      headers: { 'idempotency-key': key },
    });
    expect(other.status).toBe(422);
    expect(await countRows(server, 'records', { type: 'citizen' })).toBe(1);
  });

  it('creates one record for 20 concurrent duplicates', async () => {
    const key = newKey();
    const body = { givenName: 'Maria', surname1: 'Concurrent' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        agent.send('/api/v1/entities/citizen', {
          method: 'POST',
          json: body,
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const rows = await server.tramit
      .db('records')
      .where({ type: 'citizen' })
      .whereRaw("data->>'surname1' = ?", ['Concurrent']);
    expect(rows).toHaveLength(1);
    const audited = await countRows(server, 'audit_log', {
      entity_id: answers[0]!.body.id,
      action: 'create',
    });
    expect(audited).toBe(1);
  });

  it('links once', async () => {
    const citizen = await server.tramit.entities.create('citizen', { givenName: 'Pere', surname1: 'Link' });
    const supply = await server.tramit.entities.create('supply', {
      reference: 'W-IDEM',
      holderId: citizen.id,
    });
    const key = newKey();
    const link = () =>
      agent.send(`/api/v1/entities/citizen/${citizen.id}/relations/contracts`, {
        method: 'POST',
        json: { targetId: supply.id, role: 'holder' },
        headers: { 'idempotency-key': key },
      });
    const first = await link();
    const retry = await link();
    expect(first.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRows(server, 'record_relations', { from_id: citizen.id })).toBe(1);
  });
});

/** A server in front of the app whose first response is dropped: its socket dies as it starts. */
async function lossyFront(): Promise<{ url: string; close(): Promise<void> }> {
  let dropped = false;
  const front: Server = createServer((req, res) => {
    if (!dropped) {
      dropped = true;
      res.writeHead = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.writeHead;
    }
    server.tramit.app(req, res);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => front.close(() => resolve())),
  };
}

function rawPost(base: string, path: string, json: unknown, key: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(json);
    const req = httpRequest(
      `${base}${path}`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
      },
      (res) => resolve(res.statusCode ?? 0),
    );
    req.on('error', reject);
    req.end(body);
  });
}
