import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { createKnex, type Db } from '../src/infra/db/create-knex.js';
import { migrateLatest } from '../src/infra/db/migrations.js';

const serverUrl = process.env.TRAMIT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The benchmarks' audit keys: fixed, so a kept database (BENCH_REUSE) verifies on the next run. Not
 * a secret: benchmarks run on throwaway databases.
 */
export const benchAuditKeys = JSON.stringify([
  { kid: 'bench-1', key: Buffer.alloc(32, 'tramit benchmark audit key').toString('base64url') },
]);

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one benchmark run; dropped afterwards. */
export async function benchDatabase(
  poolMax: number,
): Promise<{ db: Db; url: string; name: string; drop(): Promise<void> }> {
  const name = `tramit_bench_${Date.now().toString(36)}`;
  await admin(`create database "${name}"`);
  const url = databaseUrl(name);
  const db = createKnex({ kind: 'postgres', url, poolMax });
  await migrateLatest(db);
  return {
    db,
    url,
    name,
    async drop() {
      await db.destroy();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** A database an earlier run kept (BENCH_KEEP=1), to measure again; never dropped. */
export function keptDatabase(name: string, poolMax: number): Awaited<ReturnType<typeof benchDatabase>> {
  if (!/^tramit_bench_[a-z0-9]+$/.test(name)) throw new Error(`not a bench database: ${name}`);
  const url = databaseUrl(name);
  const db = createKnex({ kind: 'postgres', url, poolMax });
  return { db, url, name, drop: () => db.destroy() };
}

/** (1) The raw commit rate: single-row inserts, each its own transaction, from 16 connections. */
export async function rawCommitRate(url: string, seconds = 5, connections = 16): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  await clients[0]!.query(
    'create table if not exists bench_commits (id bigserial primary key, at timestamptz default now())',
  );
  let count = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < until) {
        await client.query('insert into bench_commits default values');
        count++;
      }
    }),
  );
  await clients[0]!.query('drop table bench_commits');
  await Promise.all(clients.map((c) => c.end()));
  return count / seconds;
}

/** CPU seconds (user + system) used so far by the PostgreSQL backends connected to this database. */
export function backendCpuSeconds(databaseName: string): number {
  const ticksPerSecond = 100;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.startsWith('postgres:') || !cmdline.includes(` ${databaseName} `)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the backend exited meanwhile
    }
  }
  return ticks / ticksPerSecond;
}

/** Rows in each engine table: on a fresh database, what a benchmark part wrote. */
export async function tableRows(db: Db): Promise<Record<string, number>> {
  const tables = ['process_instances', 'element_instances', 'variables', 'jobs', 'history_records'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = Number((await db(table).count({ c: '*' }))[0]!.c);
  }
  return counts;
}
