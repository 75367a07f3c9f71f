/**
 * A TCP proxy between the engine and PostgreSQL. `cut(ms)` destroys every open connection and, for
 * that long, accepts new ones only to destroy them at once (the engine sees the database gone).
 */
import net from 'node:net';

export class TcpProxy {
  private readonly sockets = new Set<net.Socket>();
  private cutUntil = 0;
  private server?: net.Server;
  cuts = 0;

  constructor(
    private readonly targetPort: number,
    private readonly host = '127.0.0.1',
  ) {}

  async listen(): Promise<number> {
    const server = net.createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, this.host, resolve));
    return (server.address() as net.AddressInfo).port;
  }

  private accept(client: net.Socket): void {
    if (Date.now() < this.cutUntil) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.targetPort, this.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** Drops every connection now and refuses new ones for `ms`. */
  cut(ms: number): void {
    this.cuts++;
    this.cutUntil = Date.now() + ms;
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
