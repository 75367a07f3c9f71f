import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, type Db } from '../../infra/db/create-knex.js';
import { createClient } from '../auth/clients-repo.js';
import { waitUntil } from '../../../test/engine-harness.js';
import { request, type JsonResponse } from '../../../test/http-client.js';
import { spawnTramit, type SpawnedTramit } from '../../../test/spawn-tramit.js';
import { freshDatabaseEnv, testSessionSecret, testSigningKeys } from '../../../test/test-server.js';
import { testDbKind } from '../../../test/test-databases.js';

// Tramit as a separate process, killed with SIGKILL around the commit of an idempotent creation.
let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
let db: Db;
let env: Record<string, string>;
const start = { processDefinitionId: 'straight-through', variables: { crash: true } };
const instances = async () => Number((await db('process_instances').count({ n: '*' }).first())!.n as string);

async function spawned(): Promise<{ tramit: SpawnedTramit; url: string; token: string }> {
  const tramit = spawnTramit(env);
  const url = await tramit.ready;
  const token = await request<{ access_token: string }>(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=crash-client&client_secret=crash-secret-0123456789',
  });
  return { tramit, url, token: token.body.access_token };
}

function createWithKey(url: string, token: string, key: string): Promise<JsonResponse> {
  return request(`${url}/v2/process-instances`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    json: start,
  });
}

async function killed(tramit: SpawnedTramit): Promise<void> {
  tramit.child.kill('SIGKILL');
  await tramit.exited;
}

beforeAll(async () => {
  if (testDbKind() !== 'postgres') return;
  database = await freshDatabaseEnv();
  env = {
    ...database.env,
    NODE_ENV: 'test',
    TRAMIT_SESSION_SECRET: testSessionSecret,
    TRAMIT_JWT_KEYS: await testSigningKeys(),
  };
  db = createKnex({ kind: 'postgres', url: database.env.DATABASE_URL!, poolMax: 2 });
  const first = spawnTramit(env);
  await first.ready; // migrated
  await killed(first);
  await createClient(db, {
    clientId: 'crash-client',
    name: 'crash test',
    secret: 'crash-secret-0123456789',
    roles: ['admin'],
  });
}, 120_000);
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

describe.runIf(testDbKind() === 'postgres')('an idempotent creation across a SIGKILL', () => {
  it(
    'killed before its commit: nothing is kept, and the retry creates once',
    { timeout: 120_000 },
    async () => {
      const { tramit, url, token } = await spawned();
      const fixture = path.join(import.meta.dirname, '../../api-v2/fixtures/straight-through.bpmn');
      const form = new FormData();
      form.append('resources', new File([await readFile(fixture)], 'straight-through.bpmn'));
      const deployed = await request(`${url}/v2/deployments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(deployed.status).toBe(200);

      // The answer's insert waits for this lock: the instance is written, its transaction open.
      const blocker = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('lock table idempotency_keys in exclusive mode');
      const lost = createWithKey(url, token, 'before-commit').catch((error: Error) => error);
      const backend = await waitUntil(async () => {
        const waiting = await blocker.query<{ pid: number }>(
          "select pid from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database() and pid <> pg_backend_pid()",
        );
        return waiting.rows[0]?.pid;
      }, 30_000);
      await killed(tramit);
      await blocker.query('rollback');
      await blocker.end();
      expect(await lost).toBeInstanceOf(Error);
      // The killed process's backend gets its insert, then finds its client gone: no commit.
      await waitUntil(async () => {
        const alive = await db.raw('select 1 from pg_stat_activity where pid = ?', [backend]);
        return (alive as { rowCount: number }).rowCount === 0;
      }, 30_000);
      expect(await instances()).toBe(0);
      expect(await db('idempotency_keys')).toEqual([]);

      const next = await spawned();
      const retry = await createWithKey(next.url, next.token, 'before-commit');
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(await instances()).toBe(1);
      await killed(next.tramit);
    },
  );

  it('killed right after its commit: the retry gets the first answer', { timeout: 120_000 }, async () => {
    await db.raw(`
      create function idempotency_committed() returns trigger language plpgsql as $$
      begin perform pg_notify('idempotency_committed', new.key); return new; end $$`);
    await db.raw(`
      create trigger idempotency_committed after insert on idempotency_keys
      for each row execute function idempotency_committed()`);
    const listener = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await listener.connect();
    await listener.query('listen idempotency_committed');
    const before = await instances();

    const { tramit, url, token } = await spawned();
    // Notifications are delivered at commit: the process dies as its transaction commits.
    listener.on('notification', () => tramit.child.kill('SIGKILL'));
    await createWithKey(url, token, 'after-commit').catch(() => undefined);
    await tramit.exited;
    await listener.end();
    expect(await instances()).toBe(before + 1);

    const next = await spawned();
    const retry = await createWithKey(next.url, next.token, 'after-commit');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const [created] = await db('process_instances').orderBy('key', 'desc').limit(1).select('key');
    expect(retry.body.processInstanceKey).toBe(String(created!.key));
    expect(await instances()).toBe(before + 1);
    await killed(next.tramit);
  });
});
