import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

export function listen(app: Express, host: string, port: number): Promise<Server> {
  const server = createServer(app);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * Stops accepting connections, lets in-flight requests finish, and closes keep-alive connections as
 * they go idle. Connections still busy after `timeoutMs` are cut. Resolves `true` when it had to cut.
 */
export function drain(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    let forced = false;
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearInterval(idleSweep);
      clearTimeout(deadline);
      resolve(forced);
    });
    server.closeIdleConnections();
  });
}
