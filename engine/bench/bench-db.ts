import pg from 'pg';
import { createKnex, type Db } from '../src/db/create-knex.js';
import { migrateLatest } from '../src/db/migrations.js';

const serverUrl = process.env.TRAMIT_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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
): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const name = `tramit_bench_${Date.now().toString(36)}`;
  await admin(`create database "${name}"`);
  const url = databaseUrl(name);
  const db = createKnex({ kind: 'postgres', url, poolMax });
  await migrateLatest(db);
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
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
