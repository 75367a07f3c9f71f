/**
 * A throwaway PostgreSQL cluster on its own port: initdb into a temp folder owned by `postgres`
 * (PostgreSQL refuses to run as root), trust auth on 127.0.0.1 only, fsync on. Stop/start/immediate
 * restart inject the database faults; `destroy` stops it and deletes the folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, chownSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { pgVersionsDir } from './paths.js';

const run = promisify(execFile);

function binDir(): string {
  if (process.env.CHAOS_PG_BIN) return process.env.CHAOS_PG_BIN;
  const versions = readdirSync(pgVersionsDir)
    .filter((v) => existsSync(path.join(pgVersionsDir, v, 'bin/pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL under ${pgVersionsDir} (set CHAOS_PG_BIN)`);
  return path.join(pgVersionsDir, versions[0], 'bin');
}

export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
    private readonly asPostgres: boolean,
  ) {}

  static async create(port: number): Promise<PgCluster> {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tramit-chaos-pg-'));
    const asPostgres = process.getuid?.() === 0;
    const ids = asPostgres ? await userIds('postgres') : undefined;
    if (ids) chownSync(root, ids.uid, ids.gid);
    const cluster = new PgCluster(path.join(root, 'data'), port, binDir(), asPostgres);
    await cluster.exec('initdb', [
      '-D',
      cluster.dir,
      '--auth=trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await cluster.start();
    return cluster;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private async exec(tool: string, args: string[]): Promise<string> {
    const file = path.join(this.bin, tool);
    const { stdout } = this.asPostgres
      ? await run('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: '/tmp' })
      : await run(file, args, { cwd: '/tmp' });
    return stdout;
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      "-c listen_addresses='127.0.0.1'",
      '-c fsync=on',
      '-c max_connections=200',
      '-c unix_socket_directories=',
      `-c shared_buffers=64MB`,
    ].join(' ');
    await this.exec('pg_ctl', [
      '-D',
      this.dir,
      '-w',
      '-t',
      '60',
      '-l',
      `${this.dir}/../log`,
      '-o',
      options,
      'start',
    ]);
  }

  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dir, '-w', '-t', '60', '-m', mode, 'stop']);
  }

  /** `pg_ctl -m immediate` stop then start: the server crashes (no checkpoint) and recovers. */
  async restartImmediate(): Promise<void> {
    await this.stop('immediate');
    await this.start();
  }

  async createDatabase(name: string, template?: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  /** Stops the server (ignoring errors: it may be down already) and deletes its folder. */
  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}

async function userIds(user: string): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', user])).stdout.trim());
  const gid = Number((await run('id', ['-g', user])).stdout.trim());
  return { uid, gid };
}
