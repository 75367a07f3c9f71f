import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../infra/config/config.js';
import { deployFiles, eventually, fixtureFile, sdkAccess } from '../../../test/camunda-api-client.js';
import { countRows } from '../../../test/entity-test-support.js';
import { request } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ TRAMIT_IDEMPOTENCY_TTL_SECONDS: '1' });
  token = (await sdkAccess(server)).token;
  await deployFiles(server, token, [await fixtureFile('straight-through.bpmn')]);
});
afterAll(() => server.close());

const start = (key: string) =>
  request(`${server.url}/v2/process-instances`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    json: { processDefinitionId: 'straight-through' },
  });

describe('expired idempotency keys', () => {
  it('are swept periodically, and the key then starts afresh', async () => {
    const first = await start('expiring');
    expect(first.status).toBe(200);
    expect(await countRows(server, 'idempotency_keys', { key: 'expiring' })).toBe(1);
    // The sweeper runs every TTL (here one second) and deletes the expired answer.
    await eventually(
      async () =>
        (await countRows(server, 'idempotency_keys', { key: 'expiring' })) === 0 ? true : undefined,
      10_000,
    );
    const again = await start('expiring');
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.processInstanceKey).not.toBe(first.body.processInstanceKey);
  });

  it('TRAMIT_IDEMPOTENCY_TTL_SECONDS below 1 stops start-up, naming the variable', () => {
    expect(() => loadConfig({ TRAMIT_IDEMPOTENCY_TTL_SECONDS: '0' })).toThrow(
      /TRAMIT_IDEMPOTENCY_TTL_SECONDS/,
    );
  });
});
