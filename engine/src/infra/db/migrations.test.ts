import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, type Db } from './create-knex.js';
import { migrateLatest, pendingMigrations, rollbackAll } from './migrations.js';
import { migrations } from '../../../../migrations/index.js';
import {
  adminUrl,
  createDatabase,
  dropDatabase,
  testDbKind,
  uniqueDatabaseName,
} from '../../../test/test-databases.js';

// A database with nothing in it (not the migrated template), on the server or in PGlite.
let db: Db;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  if (testDbKind() === 'pglite') {
    db = createKnex({ kind: 'pglite', dataDir: undefined });
  } else {
    const name = uniqueDatabaseName('tramit_mig');
    await createDatabase(name);
    db = createKnex({ kind: 'postgres', url: adminUrl(name), poolMax: 2 });
    drop = () => dropDatabase(name);
  }
});

afterAll(async () => {
  await db.destroy();
  await drop();
});

async function tables(): Promise<string[]> {
  const result = await db.raw<{ rows: { table_name: string }[] }>(
    `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return result.rows.map((r) => r.table_name).filter((t) => !t.startsWith('tramit_migrations'));
}

async function extensions(): Promise<string[]> {
  const result = await db.raw<{ rows: { extname: string }[] }>(
    `select extname from pg_extension where extname <> 'plpgsql' order by 1`,
  );
  return result.rows.map((r) => r.extname);
}

describe('migrations', () => {
  it('go up, all the way down, and up again on a fresh database', async () => {
    expect(await pendingMigrations(db)).toEqual(migrations.map((m) => m.name));

    expect(await migrateLatest(db)).toEqual(migrations.map((m) => m.name));
    expect(await pendingMigrations(db)).toEqual([]);
    expect(await tables()).toEqual(expect.arrayContaining(['oauth_clients', 'sessions', 'users']));
    expect(await extensions()).toEqual(['fuzzystrmatch', 'pg_trgm', 'pgcrypto', 'unaccent']);

    expect(await rollbackAll(db)).toHaveLength(migrations.length);
    expect(await tables()).toEqual([]);
    expect(await extensions()).toEqual([]);

    expect(await migrateLatest(db)).toHaveLength(migrations.length);
    expect(await tables()).toEqual(expect.arrayContaining(['oauth_clients', 'sessions', 'users']));
  });

  it('leave the four extensions usable', async () => {
    const { rows } = await db.raw<{ rows: Record<string, unknown>[] }>(`
      select similarity('Generalitat', 'Generalitad') > 0.5 as trgm,
             levenshtein('Puig', 'Puch') as lev,
             unaccent('Lleida, Girona, Àger, Castelló') as plain,
             length(digest('x', 'sha256')) as sha_len,
             gen_random_uuid() is not null as uuid`);
    expect(rows[0]).toEqual({
      trgm: true,
      lev: 2,
      plain: 'Lleida, Girona, Ager, Castello',
      sha_len: 32,
      uuid: true,
    });
  });
});
