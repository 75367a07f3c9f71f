import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('structured logs', () => {
  it('tags every line of a request with its id, the caller-supplied one when given', async () => {
    const response = await request(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'x-request-id': 'req-abc-123' },
      json: { username: 'nobody', password: 'x' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('req-abc-123');
    const lines = server.logs.filter((l) => l.requestId === 'req-abc-123');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => typeof l.time === 'string' && typeof l.level === 'string')).toBe(true);
    expect(lines.find((l) => l.msg === 'request completed')).toMatchObject({
      level: 'info',
      req: { method: 'POST', url: '/api/v1/auth/login' },
      res: { statusCode: 401 },
      responseTime: expect.any(Number),
    });
  });

  it('makes up an id when none (or a silly one) is given, and never logs credentials', async () => {
    const response = await request(`${server.url}/api/v1/users`, {
      headers: { 'x-request-id': 'bad id with spaces', cookie: 'tramit_session=secret-cookie-value' },
    });
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = server.logs.filter((l) => l.requestId === id);
    expect(lines.map((l) => l.msg)).toContain('request completed');
    expect(JSON.stringify(server.logs)).not.toContain('secret-cookie-value');
  });

  it('logs no request line for health checks', async () => {
    const response = await request(`${server.url}/health`, { headers: { 'x-request-id': 'health-probe-1' } });
    expect(response.status).toBe(200);
    expect(server.logs.filter((l) => l.requestId === 'health-probe-1')).toEqual([]);
  });
});
