import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../platform/auth/clients-repo.js';
import { createKnex, type Db } from '../infra/db/create-knex.js';
import { request } from '../../test/http-client.js';
import { spawnTramit, type SpawnedTramit } from '../../test/spawn-tramit.js';
import { sdkAccess } from '../../test/camunda-api-client.js';
import {
  freshDatabaseEnv,
  startTestServer,
  testSessionSecret,
  testSigningKeys,
} from '../../test/test-server.js';
import { testDbKind } from '../../test/test-databases.js';

// The finding: `=count(for x in 1..60000000 return x)` behind a 2 s timer grew the server to 5.5 GB
// until it was killed, and on every restart the due timer killed it again. Tramit runs here as its
// own process, so that a crash, a stall or its memory can be seen from outside.
const limitMessage =
  'FEEL limit exceeded: range 1..60000000 of 60000000 items > TRAMIT_FEEL_MAX_ITEMS 100000';

let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
let db: Db;
let env: Record<string, string>;
const client = { clientId: 'bomb-integration', secret: randomBytes(18).toString('base64url') };

beforeAll(async () => {
  database = await freshDatabaseEnv();
  if (testDbKind() !== 'postgres') return;
  db = createKnex({ kind: 'postgres', url: database.env.DATABASE_URL!, poolMax: 1 });
  await createClient(db, { ...client, name: 'Integration', roles: ['integration'] });
  env = {
    ...database.env,
    NODE_ENV: 'test',
    TRAMIT_SESSION_SECRET: testSessionSecret,
    TRAMIT_JWT_KEYS: await testSigningKeys(),
  };
});
afterAll(async () => {
  await db?.destroy();
  await database.drop();
});

async function tokenFor(url: string): Promise<string> {
  const response = await request<{ access_token: string }>(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.secret,
      audience: 'tramit-api',
    }).toString(),
  });
  return response.body.access_token;
}

function api(url: string, token: string) {
  const call = <T>(method: string, pathname: string, json?: unknown) =>
    request<T>(`${url}/v2${pathname}`, { method, headers: { authorization: `Bearer ${token}` }, json });
  return {
    async deploy(file: string) {
      const form = new FormData();
      const content = await readFile(path.join(import.meta.dirname, 'fixtures', file));
      form.append('resources', new File([content], file, { type: 'application/xml' }));
      const r = await request(`${url}/v2/deployments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    },
    async start(processDefinitionId: string, variables: Record<string, unknown> = {}): Promise<string> {
      const r = await call<{ processInstanceKey: string }>('POST', '/process-instances', {
        processDefinitionId,
        variables,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.processInstanceKey;
    },
    async incidents(processInstanceKey: string) {
      const r = await call<{ items: { elementId: string; errorType: string; errorMessage: string }[] }>(
        'POST',
        '/incidents/search',
        { filter: { processInstanceKey } },
      );
      expect(r.status).toBe(200);
      return r.body.items;
    },
  };
}

/** Waits for an incident on each instance while asking the server something every 100 ms; the slowest answer. */
async function incidentsWhileProbing(
  tramit: { stdout(): string; stderr(): string },
  url: string,
  client: ReturnType<typeof api>,
  instanceKeys: string[],
) {
  let slowestMs = 0;
  const until = Date.now() + 40_000;
  for (;;) {
    const asked = performance.now();
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    slowestMs = Math.max(slowestMs, performance.now() - asked);
    const incidents = await Promise.all(instanceKeys.map((key) => client.incidents(key)));
    if (incidents.every((list) => list.length > 0)) return { incidents: incidents.flat(), slowestMs };
    if (Date.now() > until) throw new Error(`no incidents in time:\n${tramit.stdout()}\n${tramit.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The most memory the process has held (Linux: VmHWM), in MB. */
async function peakRssMb(tramit: SpawnedTramit): Promise<number> {
  const status = await readFile(`/proc/${tramit.child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

describe.runIf(testDbKind() === 'postgres')('a FEEL expression over the limits', () => {
  it('becomes an incident naming the limit while the server keeps answering, also after a restart with the timers due', async () => {
    const first = spawnTramit(env);
    const url = await first.ready;
    const client = api(url, await tokenFor(url));
    await client.deploy('feel-bomb.bpmn');
    const literal = await client.start('feel-bomb');
    const variable = await client.start('feel-bomb-variable', { n: 60_000_000 });

    const { incidents, slowestMs } = await incidentsWhileProbing(first, url, client, [literal, variable]);
    expect(incidents.map(({ elementId, errorType }) => ({ elementId, errorType }))).toEqual([
      { elementId: 'bomb', errorType: 'EXTRACT_VALUE_ERROR' },
      { elementId: 'bomb-v', errorType: 'EXTRACT_VALUE_ERROR' },
    ]);
    expect(incidents[0]!.errorMessage).toBe(
      `Script of 'bomb': cannot evaluate 'count(for x in 1..60000000 return x)': ${limitMessage}`,
    );
    expect(incidents[1]!.errorMessage).toBe(
      `Script of 'bomb-v': cannot evaluate 'count(for x in 1..n return x)': ${limitMessage}`,
    );
    expect(slowestMs).toBeLessThan(2_000);
    expect(await peakRssMb(first)).toBeLessThan(1_000);

    // Two more, killed before their timers fire: the next process finds them due at once.
    const dueAtRestart = [
      await client.start('feel-bomb'),
      await client.start('feel-bomb-variable', { n: 6e7 }),
    ];
    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const second = spawnTramit(env);
    const secondUrl = await second.ready;
    const again = api(secondUrl, await tokenFor(secondUrl));
    const afterRestart = await incidentsWhileProbing(second, secondUrl, again, dueAtRestart);
    expect(afterRestart.incidents.map((incident) => incident.errorMessage)).toEqual([
      `Script of 'bomb': cannot evaluate 'count(for x in 1..60000000 return x)': ${limitMessage}`,
      `Script of 'bomb-v': cannot evaluate 'count(for x in 1..n return x)': ${limitMessage}`,
    ]);
    expect(afterRestart.slowestMs).toBeLessThan(2_000);
    expect(await again.incidents(literal)).toHaveLength(1);
    expect(second.child.exitCode).toBeNull();
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 180_000);
});

describe('a FEEL expression over the limits, in this process (also on PGlite)', () => {
  it('becomes an incident naming the limit, and the server keeps answering', async () => {
    const server = await startTestServer();
    try {
      const client = api(server.url, (await sdkAccess(server, { roles: ['integration'] })).token);
      await client.deploy('feel-bomb.bpmn');
      const keys = [await client.start('feel-bomb'), await client.start('feel-bomb-variable', { n: 6e7 })];
      const noOutput = { stdout: () => '', stderr: () => '' };
      const { incidents, slowestMs } = await incidentsWhileProbing(noOutput, server.url, client, keys);
      expect(incidents.map((incident) => incident.errorMessage)).toEqual([
        `Script of 'bomb': cannot evaluate 'count(for x in 1..60000000 return x)': ${limitMessage}`,
        `Script of 'bomb-v': cannot evaluate 'count(for x in 1..n return x)': ${limitMessage}`,
      ]);
      expect(slowestMs).toBeLessThan(2_000);
      expect(process.memoryUsage().rss / 2 ** 20).toBeLessThan(1_500);
    } finally {
      await server.close();
    }
  }, 120_000);
});
