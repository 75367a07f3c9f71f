import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, type Db } from '../infra/db/create-knex.js';
import { spawnTramit } from '../../test/spawn-tramit.js';
import { freshDatabaseEnv, testSessionSecret, testSigningKeys } from '../../test/test-server.js';
import { testDbKind } from '../../test/test-databases.js';
import { testAuditKeys } from '../../test/audit-keys-setup.js';

// These start Tramit as a separate process, the way `npm start` does, against a fresh database.
let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
let db: Db;

beforeAll(async () => {
  database = await freshDatabaseEnv();
  if (testDbKind() === 'postgres')
    db = createKnex({ kind: 'postgres', url: database.env.DATABASE_URL!, poolMax: 1 });
});
afterAll(async () => {
  await db?.destroy();
  await database.drop();
});

describe.runIf(testDbKind() === 'postgres')('the tramit process', () => {
  it('in production refuses to start without secrets, naming them', async () => {
    const tramit = spawnTramit({ ...database.env, NODE_ENV: 'production' });
    const { code } = await tramit.exited;
    expect(code).toBe(1);
    expect(tramit.stderr()).toContain('TRAMIT_SESSION_SECRET');
    expect(tramit.stderr()).toContain('TRAMIT_JWT_KEYS');
    expect(tramit.stderr()).toContain('TRAMIT_AUDIT_KEYS');
    expect(tramit.stderr()).toContain('TRAMIT_METRICS_TOKEN: required when NODE_ENV=production');
  });

  it('in production creates no default credentials', async () => {
    const tramit = spawnTramit({
      ...database.env,
      NODE_ENV: 'production',
      TRAMIT_SESSION_SECRET: testSessionSecret,
      TRAMIT_JWT_KEYS: await testSigningKeys(),
      TRAMIT_AUDIT_KEYS: testAuditKeys,
      TRAMIT_METRICS_TOKEN: 'metrics-token-0123456789',
    });
    await tramit.ready;
    expect(await db('users').count({ n: '*' })).toEqual([{ n: '0' }]);
    expect(await db('oauth_clients').count({ n: '*' })).toEqual([{ n: '0' }]);
    tramit.child.kill('SIGTERM');
    expect((await tramit.exited).code).toBe(0);
    expect(tramit.stdout()).not.toContain('demo accounts');
  });

  it('in development creates one demo user per role and prints the credentials once', async () => {
    const env = {
      ...database.env,
      NODE_ENV: 'development',
      TRAMIT_SESSION_SECRET: testSessionSecret,
      TRAMIT_JWT_KEYS: await testSigningKeys(),
      TRAMIT_AUDIT_KEYS: testAuditKeys,
    };
    const first = spawnTramit(env);
    const url = await first.ready;
    const banner = await first.waitForOutput(/OAuth client\s+demo-integration/);
    const rows = await db('users').select('username', 'roles').orderBy('username');
    expect(rows.map((r) => r.username)).toEqual(['admin', 'agent', 'integration', 'manager', 'supervisor']);
    const adminPassword = /admin\s+(\S+)/.exec(banner)![1]!;
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    expect(login.status).toBe(200);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = spawnTramit(env);
    await second.ready;
    expect(second.stdout()).not.toContain('demo accounts');
    second.child.kill('SIGTERM');
    const result = await second.exited;
    expect(result, second.stdout() + second.stderr()).toMatchObject({ code: 0 });
  });

  it('on SIGTERM stops accepting, finishes the in-flight request, and exits within 10 s', async () => {
    const tramit = spawnTramit({
      ...database.env,
      TRAMIT_SESSION_SECRET: testSessionSecret,
      TRAMIT_JWT_KEYS: await testSigningKeys(),
      TRAMIT_AUDIT_KEYS: testAuditKeys,
    });
    const url = new URL(await tramit.ready);
    const body = JSON.stringify({ username: 'admin', password: 'wrong-password' });

    // A request whose body is still arriving when the signal comes.
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/v1/auth/login',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        tramit.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 1_000);
      }, 300);
    });
    const signalledAt = Date.now() + 300;

    expect(await inFlight).toBe(401);
    await expect(fetch(`${url.origin}/health`)).rejects.toThrow();
    const { code, atMs } = await tramit.exited;
    expect(code).toBe(0);
    expect(atMs - signalledAt).toBeLessThan(10_000);
    expect(tramit.stdout()).toContain('"msg":"stopped"');
  });
});
