import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../platform/auth/roles.js';
import { request } from '../../test/http-client.js';
import { startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// Routes that are deliberately open: probes, the token endpoint, the public keys, signing in.
const publicRoutes = [
  'GET /health',
  'GET /ready',
  'GET /metrics',
  'POST /oauth/token',
  'GET /.well-known/jwks.json',
  'POST /api/v1/auth/login',
  // The second step of a sign-in: no session yet, the one-time mfaToken of the first step instead.
  'POST /api/v1/auth/login/mfa',
  'POST /api/v1/auth/login/mfa/enrol',
];

describe('the route table', () => {
  it('declares a known permission on every route, and only the intended routes are public', () => {
    const routes = server.tramit.routes;
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) {
      expect(['public', 'authenticated', ...permissions]).toContain(route.permission);
    }
    const open = routes
      .filter((r) => r.permission === 'public')
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(open.sort()).toEqual([...publicRoutes].sort());
  });

  it('refuses every non-public route to an anonymous caller with 401', async () => {
    const guarded = server.tramit.routes.filter((r) => r.permission !== 'public');
    for (const route of guarded) {
      const path = route.path.replace(/:(\w+)/g, 'x');
      const response = await request(`${server.url}${path}`, {
        method: route.method.toUpperCase(),
        ...(route.method === 'get' ? {} : { json: {} }),
      });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
