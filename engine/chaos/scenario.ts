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

export const templateDatabase = 'chaos_template';

/** Migrates the template database once (and seeds the demo accounts): each scenario copies it. */
export async function prepareTemplate(cluster: PgCluster): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tramit-chaos-data-'));
  try {
    const url = await cluster.createDatabase(templateDatabase);
    const engine = await EngineProcess.start(url, dataDir);
    await engine.stop();
    const db = pool(url);
    await grantAdmin(db).finally(() => db.end());
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export class Context {
  private readonly cleanups: (() => Promise<unknown>)[] = [];
  private dbCount = 0;
  /** True once the scenario is over (or out of time): its loops stop. */
  closed = false;
  /** When the scenario's budget runs out (ms since the epoch). */
  deadline = Infinity;
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

  /** Time left before the deadline, less `reserveMs` for counting and cleaning up (at least 5 s). */
  remaining(reserveMs = 15_000): number {
    return Math.max(5_000, this.deadline - Date.now() - reserveMs);
  }

  /** Time left before the deadline (ms). */
  timeLeft(): number {
    return this.deadline - Date.now();
  }

  /** Progress, on standard error. */
  say(text: string): void {
    process.stderr.write(`[chaos]   ${this.name}: ${text}\n`);
  }

  onCleanup(fn: () => Promise<unknown>): void {
    this.cleanups.unshift(fn);
  }

  /** A fresh database on the cluster (a copy of the migrated template), and a pool to audit it with. */
  async database(): Promise<{ url: string; db: Pool }> {
    const name = `chaos_${this.name.replace(/\W/g, '_')}_${++this.dbCount}`;
    const url = await this.cluster.createDatabase(name, templateDatabase);
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
    this.closed = true;
    for (const fn of this.cleanups.splice(0)) await fn().catch(() => undefined);
  }
}
