import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { openPglite } from './pglite.js';
import { PipelinedPgClient } from './pipelined-pg-client.js';
import { guardConnections, type NestedAcquirePolicy } from './connection-guard.js';

export type Db = Knex;

export type DatabaseTarget =
  { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string | undefined };

export interface KnexOptions {
  /**
   * What a nested acquire (a pool acquire from code holding a connection) does: `throw` (the
   * default outside production, so tests catch it) or `log` through `report` and go on.
   */
  nestedAcquire?: NestedAcquirePolicy;
  report?: (error: Error) => void;
}

/** knex on real PostgreSQL (pooled) or on embedded PGlite (one connection, by design). */
export function createKnex(target: DatabaseTarget, options: KnexOptions = {}): Db {
  const db = openKnex(target);
  const policy = options.nestedAcquire ?? (process.env.NODE_ENV === 'production' ? 'log' : 'throw');
  guardConnections(db, policy, options.report ?? (() => undefined));
  return db;
}

function openKnex(target: DatabaseTarget): Db {
  if (target.kind === 'postgres') {
    return knexFactory({
      client: PipelinedPgClient as unknown as typeof Knex.Client,
      connection: { connectionString: target.url, application_name: 'tramit' },
      pool: { min: 0, max: target.poolMax, idleTimeoutMillis: 30_000 },
      acquireConnectionTimeout: 10_000,
    });
  }
  const pglite = openPglite(target.dataDir);
  return knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: () => ({ pglite }) as object,
  } as Knex.Config);
}

/** Pool figures for metrics; the same shape for both drivers (knex uses tarn underneath). */
export function poolStats(db: Db): { used: number; free: number; pending: number; max: number } {
  const pool = (db.client as { pool?: TarnPool }).pool;
  if (!pool) return { used: 0, free: 0, pending: 0, max: 0 };
  return {
    used: pool.numUsed(),
    free: pool.numFree(),
    pending: pool.numPendingAcquires() + pool.numPendingCreates(),
    max: pool.max,
  };
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}
