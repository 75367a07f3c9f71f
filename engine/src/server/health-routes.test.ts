import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser, request } from '../../test/http-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';
import { migrations } from '../../../migrations/index.js';

let server: TestServer;
let admin: BrowserSession;
beforeAll(async () => {
  server = await startTestServer();
  admin = new BrowserSession(server.url);
  const user = await createTestUser(server.tramit.db, 'admin');
  await admin.login(user.username, user.password);
});
afterAll(() => server.close());

describe('operational endpoints', () => {
  it('GET /health answers while the process is alive', async () => {
    const response = await request(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('GET /ready checks the database and that migrations are current; only admins see the checks', async () => {
    const response = await request(`${server.url}/ready`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready' });
    const detailed = await admin.send('/ready');
    expect(detailed.body).toMatchObject({ checks: { database: 'ok', migrations: 'current' } });
  });

  it('GET /metrics exposes HTTP latency histograms and pool gauges in Prometheus text', async () => {
    await request(`${server.url}/api/v1/users`);
    const response = await request<string>(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.body).toMatch(
      /tramit_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/v1\/users",status_code="401"\} \d+/,
    );
    expect(response.body).toMatch(/tramit_db_pool_connections_max \d+/);
    expect(response.body).toMatch(/tramit_db_pool_connections_used \d+/);
    expect(response.body).toContain('tramit_process_resident_memory_bytes');
  });

  it('sets security headers', async () => {
    const response = await request(`${server.url}/health`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('GET /ready is 503 when the schema is behind, naming the pending migration to admins only', async () => {
    const db = server.tramit.db;
    const last = migrations[migrations.length - 1]!;
    await db('tramit_migrations').where({ name: last.name }).delete();
    try {
      const response = await request(`${server.url}/ready`);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({ status: 503, detail: 'The server is not ready.' });
      expect(JSON.stringify(response.body)).not.toContain(last.name);
      const detailed = await admin.send('/ready');
      expect(detailed.status).toBe(503);
      expect(detailed.body).toMatchObject({ status: 503, pending: [last.name] });
      expect(server.logs).toContainEqual(
        expect.objectContaining({ msg: 'not ready', reason: 'migrations-pending' }),
      );
    } finally {
      await db('tramit_migrations').insert({ name: last.name, batch: 1, migration_time: new Date() });
    }
  });
});
