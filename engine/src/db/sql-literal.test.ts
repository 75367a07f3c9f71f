import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseEnv } from '../../test/test-server.js';
import { testDbKind } from '../../test/test-databases.js';
import { createKnex, type Db } from './create-knex.js';
import { queryScript } from './pipelined-pg-client.js';
import { insertSql, literal, render, updateByKeySql, type SqlValue } from './sql-literal.js';

describe('SQL literals', () => {
  it.each<[SqlValue, string]>([
    [null, 'NULL'],
    [undefined, 'NULL'],
    [42, '42'],
    [-1.5, '-1.5'],
    [2251799813685249n, '2251799813685249'],
    [true, 'true'],
    ["it's", "'it''s'"],
    ['C:\\dir', "E'C:\\\\dir'"],
    [new Date('2026-12-01T10:00:00.123Z'), "'2026-12-01T10:00:00.123Z'"],
  ])('%s is written as %s', (value, expected) => {
    expect(literal(value)).toBe(expected);
  });

  it('refuses numbers SQL cannot hold', () => {
    expect(() => literal(Number.NaN)).toThrow(TypeError);
    expect(() => literal(Infinity)).toThrow(TypeError);
  });

  it('fills placeholders in order and insists on as many values as placeholders', () => {
    expect(render('select ? where x = ?', ['a', 1])).toBe("select 'a' where x = 1");
    expect(() => render('select ?, ?', ['a'])).toThrow(RangeError);
    expect(() => render('select ?', ['a', 'b'])).toThrow(RangeError);
  });

  it('builds multi-row inserts and updates by key', () => {
    expect(
      insertSql('t', [
        { a: 1, b: 'x' },
        { a: 2, b: null },
      ]),
    ).toBe("insert into t (a, b) values (1, 'x'), (2, NULL)");
    expect(updateByKeySql('jobs', '7', { state: 'COMPLETED', deadline: null })).toBe(
      "update jobs set state = 'COMPLETED', deadline = NULL where key = '7'",
    );
  });
});

// Through queryScript, as the engine sends them (knex would read a `?` inside a literal as a placeholder).
describe('literals read back by the database', () => {
  let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
  let db: Db;
  beforeAll(async () => {
    database = await freshDatabaseEnv();
    db =
      testDbKind() === 'postgres'
        ? createKnex({ kind: 'postgres', url: database.env.DATABASE_URL!, poolMax: 1 })
        : createKnex({ kind: 'pglite', dataDir: undefined });
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  it.each<[string, SqlValue]>([
    ['quotes', `'; drop table x; --`],
    ['backslashes', 'a\\b\\\\c\\'],
    ['both', `\\'\\''`],
    ['unicode', 'Lleida · Girona — ñ 😀'],
    ['a question mark', 'why?'],
  ])('%s come back unchanged', async (_name, value) => {
    const [result] = await db.transaction((trx) => queryScript(trx, [`select ${literal(value)}::text as v`]));
    expect(result!.rows[0]!.v).toBe(value);
  });

  it('a date keeps its instant', async () => {
    const at = new Date('2026-03-29T01:30:00.456Z');
    const [result] = await db.transaction((trx) =>
      queryScript(trx, [`select ${literal(at)}::timestamptz as v`]),
    );
    expect(new Date(result!.rows[0]!.v as string).toISOString()).toBe(at.toISOString());
  });
});
