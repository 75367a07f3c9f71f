/** What a scenario gets from the runner, and what it gives back. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pool, grantAdmin, type Pool } from './audit.js';
import { EngineProcess } from './engine-process.js';
import type { PgCluster } from './pg-cluster.js';
import type { Row } from './report.js';

export interface Scenario {
  name: string;
  /** Wall-clock bound (ms) for the whole scenario in short and full mode. */
  budgetMs: { short: number; full: number };
  run(ctx: Context): Promise<Row>;
}

export class Context {
  private readonly cleanups: (() => Promise<unknown>)[] = [];
  private dbCount = 0;
  readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'tramit-chaos-data-'));

  constructor(
    readonly cluster: PgCluster,
    readonly short: boolean,
    readonly name: string,
  ) {
    this.onCleanup(async () => rmSync(this.dataDir, { recursive: true, force: true }));
  }

  /** `short` in short mode, `full` otherwise. */
  pick<T>(short: T, full: T): T {
    return this.short ? short : full;
  }

  onCleanup(fn: () => Promise<unknown>): void {
    this.cleanups.unshift(fn);
  }

  /** A fresh database on the cluster, and a pool to audit it with. */
  async database(): Promise<{ url: string; db: Pool }> {
    const url = await this.cluster.createDatabase(`chaos_${this.name.replace(/\W/g, '_')}_${++this.dbCount}`);
    const db = pool(url);
    this.onCleanup(() => db.end());
    return { url, db };
  }

  /** An engine process on `databaseUrl` (migrating it on first start); the suite's client may work tasks. */
  async engine(databaseUrl: string, db: Pool, extra: Record<string, string> = {}): Promise<EngineProcess> {
    const engine = await EngineProcess.start(databaseUrl, this.dataDir, extra);
    this.onCleanup(() => engine.stop());
    await grantAdmin(db);
    return engine;
  }

  async cleanup(): Promise<void> {
    for (const fn of this.cleanups.splice(0)) await fn().catch(() => undefined);
  }
}
