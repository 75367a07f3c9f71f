import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../../process-engine/store/batch.js';
import { createKnex, type Db } from './create-knex.js';
import { queryScript, scriptTransaction, transactionScript } from './pipelined-pg-client.js';
import { literal, type SqlValue } from './sql-literal.js';
import { execute } from './prepared-script.js';
import { freshDatabaseEnv } from '../../../test/test-server.js';
import { testDbKind } from '../../../test/test-databases.js';

let database: Awaited<ReturnType<typeof freshDatabaseEnv>>;
let db: Db;

beforeAll(async () => {
  database = await freshDatabaseEnv();
  db =
    testDbKind() === 'postgres'
      ? createKnex({ kind: 'postgres', url: database.env.DATABASE_URL!, poolMax: 1 })
      : createKnex({ kind: 'pglite', dataDir: undefined });
  await db.raw('create table pipelined (id int primary key, label text)');
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const labels = async () => (await db('pipelined').orderBy('id')).map((r) => r.label as string);

describe('writes that travel with the next read or the commit', () => {
  it('are visible to the transaction’s next read and committed with it', async () => {
    const seen = await db.transaction(async (trx) => {
      await runBatch(trx, [
        trx('pipelined').insert({ id: 1, label: "it's quoted" }),
        trx('pipelined').insert({ id: 2, label: 'two' }),
      ]);
      return (await trx('pipelined').count({ n: '*' }))[0]!.n;
    });
    expect(Number(seen)).toBe(2);
    expect(await labels()).toEqual(["it's quoted", 'two']);
  });

  it('an error in a deferred write fails the transaction, leaves nothing, and the connection stays usable', async () => {
    const attempt = db.transaction(async (trx) => {
      await runBatch(trx, [
        trx('pipelined').insert({ id: 3, label: 'three' }),
        trx('pipelined').insert({ id: 1, label: 'dup' }),
      ]);
    });
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    // The pool has one connection: it must not be stuck in an aborted transaction.
    expect(await labels()).toEqual(["it's quoted", 'two']);
    await db.transaction(async (trx) => {
      await runBatch(trx, [trx('pipelined').insert({ id: 4, label: 'four' })]);
    });
    expect(await labels()).toEqual(["it's quoted", 'two', 'four']);
  });

  it('a transaction given up before anything reached the server rolls back cleanly', async () => {
    const attempt = db.transaction(async (trx) => {
      await runBatch(trx, [trx('pipelined').insert({ id: 5, label: 'five' })]);
      throw new Error('changed my mind');
    });
    await expect(attempt).rejects.toThrow('changed my mind');
    expect(await labels()).toEqual(["it's quoted", 'two', 'four']);
  });
});

describe('scripts: several statements in one message', () => {
  it('a read script answers each statement, after the writes waiting before it', async () => {
    const results = await db.transaction(async (trx) => {
      await runBatch(trx, ["insert into pipelined values (10, 'ten')"]);
      return queryScript(trx, [
        'select count(*)::int as n from pipelined where id = 10',
        'select label from pipelined where id = 10 for update',
      ]);
    });
    expect(results.map((r) => r.rows)).toEqual([[{ n: 1 }], [{ label: 'ten' }]]);
    expect(await labels()).toContain('ten');
  });

  it.each([true, false])('a transaction script commits its writes (durable: %s)', async (durable) => {
    const id = durable ? 11 : 12;
    const [inserted] = await transactionScript(
      db,
      [`insert into pipelined values (${id}, 'script') returning id`],
      { durable },
    );
    expect(inserted!.rows).toEqual([{ id }]);
    expect((await db('pipelined').where({ id })).length).toBe(1);
  });

  it('a failing transaction script leaves nothing and the connection usable', async () => {
    const before = await labels();
    await expect(
      transactionScript(
        db,
        ["insert into pipelined values (13, 'x')", "insert into pipelined values (1, 'dup')"],
        {
          durable: true,
        },
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await labels()).toEqual(before);
    const [after] = await transactionScript(db, ['select count(*)::int as n from pipelined'], {
      durable: false,
    });
    expect(after!.rows[0]).toEqual({ n: before.length });
  });
});

describe('script transactions: steps without a knex transaction', () => {
  it('sees its own first step in the next, and commits with the last', async () => {
    const read = await scriptTransaction(db, { durable: true }, async (steps) => {
      await steps.step(["insert into pipelined values (20, 'step')"]);
      const [seen] = await steps.step(['select label from pipelined where id = 20 for update']);
      await steps.commit(["update pipelined set label = 'stepped' where id = 20"]);
      return seen!.rows;
    });
    expect(read).toEqual([{ label: 'step' }]);
    expect(await labels()).toContain('stepped');
  });

  it('commits for work that did not, and rolls back work that throws between steps', async () => {
    await scriptTransaction(db, { durable: false }, (steps) =>
      steps.step(["insert into pipelined values (21, 'implicit commit')"]),
    );
    expect(await labels()).toContain('implicit commit');
    const before = await labels();
    await expect(
      scriptTransaction(db, { durable: true }, async (steps) => {
        await steps.step(["insert into pipelined values (22, 'undone')"]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await labels()).toEqual(before);
  });

  it('a failing step rejects, leaves nothing, and the connection stays usable', async () => {
    const before = await labels();
    await expect(
      scriptTransaction(db, { durable: true }, async (steps) => {
        await steps.step(["insert into pipelined values (23, 'x')"]);
        await steps.commit(["insert into pipelined values (1, 'dup')"]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await labels()).toEqual(before);
    await expect(
      scriptTransaction(db, { durable: true }, async (steps) => {
        await steps.commit([]);
        await steps.step(['select 1']);
      }),
    ).rejects.toThrow('this transaction has ended');
  });
});

// Through queryScript, as the engine sends them (knex would read a `?` inside a literal as a placeholder).
describe('literals read back by the database', () => {
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

  it.each<[string, string | number]>([
    ['quotes', `'; drop table x; --`],
    ['backslashes and quotes', `\\'\\''`],
    ['JSON with escapes', JSON.stringify({ name: 'O\'Brien "Jr"\n' })],
    ['a number', -12.5],
  ])('bindings (%s) of a statement sent after BEGIN come back unchanged', async (_name, value) => {
    const back = await db.transaction(async (trx) => {
      const result = (await trx.raw('select ?::text as v', [value])) as { rows: { v: string }[] };
      return result.rows[0]!.v;
    });
    expect(back).toBe(String(value));
  });

  it('a date keeps its instant', async () => {
    const at = new Date('2026-03-29T01:30:00.456Z');
    const [result] = await db.transaction((trx) =>
      queryScript(trx, [`select ${literal(at)}::timestamptz as v`]),
    );
    expect(new Date(result!.rows[0]!.v as string).toISOString()).toBe(at.toISOString());
  });
});

describe.runIf(testDbKind() === 'postgres')('statements that keep coming back', () => {
  const preparedHere = async () =>
    (await db.raw<{ rows: { statement: string }[] }>('select statement from pg_prepared_statements')).rows
      .map((r) => r.statement)
      .filter((s) => s.includes('from "pipelined"'));

  it('are prepared on the connection after a few calls, and answer as before', async () => {
    await db('pipelined').insert({ id: 100, label: 'hundred' });
    const labelOf = async (id: number) =>
      (await db('pipelined').where({ id }).first('label'))?.label as string;
    expect(await labelOf(100)).toBe('hundred');
    expect(await preparedHere()).toEqual([]);
    for (let i = 0; i < 3; i++) expect(await labelOf(100)).toBe('hundred');
    expect(await preparedHere()).toHaveLength(1);
    expect(await labelOf(999)).toBeUndefined();
  });

  it('a statement whose table changed shape fails once, then is prepared afresh', async () => {
    await db.raw('create table reshaped (id int primary key, a text)');
    await db('reshaped').insert({ id: 1, a: 'x' });
    const row = () => db('reshaped').where({ id: 1 }).first();
    for (let i = 0; i < 4; i++) await row();
    await db.raw('alter table reshaped add column b text');
    await expect(row()).rejects.toMatchObject({ code: '0A000' });
    expect(await row()).toEqual({ id: 1, a: 'x', b: null });
  });
});

describe('prepared statements in scripts', () => {
  const byId = { name: 'test_label_by_id', sql: 'select label from pipelined where id = ?' };

  it('answer the same on first use and after, and recover after a failed message', async () => {
    await db('pipelined').insert({ id: 200, label: 'two hundred' }).onConflict('id').merge();
    const label = async () => {
      const [result] = await db.transaction((trx) => queryScript(trx, [execute(byId, [200])]));
      return result!.rows[0]?.label;
    };
    expect(await label()).toBe('two hundred');
    expect(await label()).toBe('two hundred');
    await expect(
      db.transaction((trx) => queryScript(trx, ['select 1/0', execute(byId, [200])])),
    ).rejects.toThrow(/division by zero/);
    expect(await label()).toBe('two hundred');
    const [claimed] = await transactionScript(db, [execute(byId, [200])], { durable: false });
    expect(claimed!.rows[0]!.label).toBe('two hundred');
  });
});
