/**
 * The built Tramit server as an operator runs it, on a fixed port so that a restarted process
 * answers at the same URL. `kill()` is SIGKILL; `restart()` starts a new process with the same env.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { engineMain } from './paths.js';

export const demoSecret = 'chaos-demo-secret';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class EngineProcess {
  private child?: ChildProcess;
  private log = '';
  starts = 0;
  kills = 0;
  /** Exits nobody asked for (a crash), with the tail of the log. */
  readonly crashes: string[] = [];
  private expectingExit = false;
  /** Set by `stop()`: the process is never started again (a scenario that ran out of time). */
  retired = false;

  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(databaseUrl: string, dataDir: string, extra: Record<string, string> = {}) {
    const engine = new EngineProcess(await freePort(), {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      TRAMIT_DATA_DIR: dataDir,
      TRAMIT_DEMO_PASSWORD: demoSecret,
      LOG_LEVEL: 'warn',
      ...extra,
    });
    await engine.spawn();
    return engine;
  }

  private async spawn(timeoutMs = 90_000): Promise<void> {
    if (this.retired) throw new Error('engine stopped for good');
    this.expectingExit = false;
    const child = spawn(process.execPath, ['--max-semi-space-size=32', engineMain()], {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const keep = (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-8_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    child.on('exit', (code, signal) => {
      if (!this.expectingExit) this.crashes.push(`exit ${code ?? signal}: ${this.log.slice(-1_500)}`);
    });
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`engine exited during start-up:\n${this.log.slice(-3_000)}`);
      }
      const ok = await fetch(`${this.url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`engine not healthy within ${timeoutMs} ms:\n${this.log.slice(-3_000)}`);
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  logTail(): string {
    return this.log.slice(-3_000);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    this.expectingExit = true;
    this.kills++;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Starts a fresh process (after a kill or a crash). */
  async restart(): Promise<void> {
    await this.kill();
    await this.spawn();
  }

  async stop(): Promise<void> {
    this.retired = true;
    const child = this.child;
    if (!child || !this.alive) return;
    this.expectingExit = true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
