import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser, request } from '../../test/http-client.js';
import { testDbKind } from '../../test/test-databases.js';
import { freshDatabaseEnv, startTestServer, type TestServer } from '../../test/test-server.js';

/** A TCP proxy to PostgreSQL that the test can shut: closing it is the database going away. */
class DatabaseProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(port = 0): Promise<void> {
    if (this.server) return;
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops accepting and cuts every open connection. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
let proxy: DatabaseProxy;
let server: TestServer;
let admin: BrowserSession;

describe.runIf(testDbKind() === 'postgres')('when the database is unreachable', () => {
  beforeAll(async () => {
    database = await freshDatabaseEnv();
    const url = new URL(database.env.DATABASE_URL!);
    proxy = new DatabaseProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.open();
    url.host = `127.0.0.1:${proxy.port}`;
    server = await startTestServer({
      DATABASE_URL: url.toString(),
      TRAMIT_METRICS_TOKEN: 'metrics-token-0123456789',
    });
    admin = new BrowserSession(server.url);
    const user = await createTestUser(server.tramit.db, 'admin');
    await admin.login(user.username, user.password);
  });
  afterAll(async () => {
    await proxy?.open(proxy.port); // let the server close its pool cleanly
    await server?.close();
    await database?.drop();
  });

  it('answers 503 with Retry-After, and /ready tells the public only that it is not ready', async () => {
    expect((await admin.send('/api/v1/users')).status).toBe(200);
    await proxy.close();

    const response = await admin.send('/api/v1/users');
    expect(response.status, JSON.stringify(response.body)).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 503, type: 'urn:tramit:problem:database-unavailable' });

    const ready = await request(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ detail: 'The server is not ready.' });
    expect(JSON.stringify(ready.body)).not.toMatch(/ECONNREFUSED|connect|unreachable/i);
    const detailed = await request(`${server.url}/ready`, {
      headers: { authorization: 'Bearer metrics-token-0123456789' },
    });
    expect(detailed.body).toMatchObject({ type: 'urn:tramit:problem:database-unreachable' });
    expect(server.logs).toContainEqual(
      expect.objectContaining({ msg: 'not ready', reason: 'database-unreachable' }),
    );

    // Back again: the same requests succeed.
    await proxy.open(proxy.port);
    expect((await admin.send('/api/v1/users')).status).toBe(200);
    expect((await request(`${server.url}/ready`)).status).toBe(200);
  });
});
