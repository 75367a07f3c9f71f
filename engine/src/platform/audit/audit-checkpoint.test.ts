import { afterAll, beforeAll, inject, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../infra/db/create-knex.js';
import { appendAudit } from './append-audit.js';
import { writeCheckpoint } from './audit-checkpoint.js';
import { hashedContentOf, type AuditRow } from './audit-entry.js';
import type { AuditHead } from './audit-witness.js';
import { entryHash } from './audit-hash.js';
import { auditKeys } from './audit-keys.js';
import { clonedTestDatabase } from '../../../test/cloned-test-database.js';
import { verifyAudit } from './verify-audit.js';
import { detached } from '../../infra/db/connection-guard.js';

let db: Db;
let database: Awaited<ReturnType<typeof clonedTestDatabase>>;

beforeAll(async () => {
  database = await clonedTestDatabase(inject('templateDatabase'), 'tramit_auditcp', 8);
  db = database.db;
});

afterAll(() => database.drop());

/** Runs `sql` with both tables' append-only triggers disabled, as only a superuser or the owner can. */
async function asSuperuser(sql: string, bindings: unknown[] = []): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('alter table audit_log disable trigger audit_log_no_change');
    await trx.raw('alter table audit_checkpoints disable trigger audit_checkpoints_no_change');
    await trx.raw(sql, bindings as never);
    await trx.raw('alter table audit_checkpoints enable trigger audit_checkpoints_no_change');
    await trx.raw('alter table audit_log enable trigger audit_log_no_change');
  });
}

const entries = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({
    action: 'update',
    entityType: 'case',
    entityId: `c-${from + i}`,
    changes: [{ path: '/state', old: 'open', new: `step ${from + i}` }],
  }));

/** In seq order (the table's bigint column, not the text it is returned as). */
async function checkpoints(): Promise<{ seq: string; hash: string }[]> {
  return (await db('audit_checkpoints as c')
    .orderBy('c.seq')
    .select(db.raw('c.seq::text as seq'), 'c.hash')) as never;
}

async function hashAt(seq: number): Promise<string> {
  return ((await db('audit_log').where({ seq }).first('hash')) as { hash: string }).hash;
}

beforeEach(async () => {
  await asSuperuser('delete from audit_checkpoints');
  await asSuperuser('delete from audit_log');
});

describe('writeCheckpoint', () => {
  it('records the head only when it moved past the latest checkpoint', async () => {
    expect(await writeCheckpoint(db)).toBeUndefined();
    await appendAudit(db, entries(5));
    expect(await writeCheckpoint(db)).toEqual({ seq: '5', hash: await hashAt(5) });
    expect(await writeCheckpoint(db)).toBeUndefined();
    await appendAudit(db, entries(2, 5));
    expect(await writeCheckpoint(db)).toEqual({ seq: '7', hash: await hashAt(7) });
    expect(await checkpoints()).toEqual([
      { seq: '5', hash: await hashAt(5) },
      { seq: '7', hash: await hashAt(7) },
    ]);
  });

  it('waits for the append in flight, then concurrent callers write one row', async () => {
    await appendAudit(db, entries(3));
    let pending!: Promise<(AuditHead | undefined)[]>;
    await db.transaction(async (trx) => {
      await appendAudit(trx, entries(2, 3));
      // Other callers, on connections of their own: not the holder of this transaction.
      pending = detached(() => Promise.all(Array.from({ length: 6 }, () => writeCheckpoint(db))));
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const written = await pending;
    expect(written.filter(Boolean)).toEqual([{ seq: '5', hash: await hashAt(5) }]);
    expect(await checkpoints()).toHaveLength(1);
  });

  it('checkpoints only committed heads while appenders run alongside', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0 ? writeCheckpoint(db) : appendAudit(db, entries(4, i * 4)),
      ),
    );
    await writeCheckpoint(db);
    const written = await checkpoints();
    expect(written.at(-1)?.seq).toBe('32');
    for (const checkpoint of written) expect(checkpoint.hash).toBe(await hashAt(Number(checkpoint.seq)));
    expect(await verifyAudit(db, { batchSize: 5 })).toEqual({ ok: true, checked: 32, lastSeq: '32' });
  });
});

describe('the database keeps checkpoints append-only', () => {
  it.each([
    ['UPDATE', `update audit_checkpoints set hash = repeat('0', 64)`],
    ['DELETE', 'delete from audit_checkpoints'],
    ['TRUNCATE', 'truncate audit_checkpoints'],
  ])('%s by the application’s connection fails and changes nothing', async (op, sql) => {
    await appendAudit(db, entries(2));
    await writeCheckpoint(db);
    const before = await checkpoints();
    await expect(db.raw(sql)).rejects.toThrow(`audit_checkpoints is append-only: ${op} is not allowed`);
    expect(await checkpoints()).toEqual(before);
  });
});

describe('verifyAudit against the checkpoints', () => {
  beforeEach(async () => {
    await appendAudit(db, entries(10));
    await writeCheckpoint(db);
    await appendAudit(db, entries(10, 10));
    await writeCheckpoint(db);
  });

  it('passes an intact chain that reaches its checkpoints, whatever the batch size', async () => {
    await appendAudit(db, entries(3, 20));
    expect(await verifyAudit(db, { batchSize: 1 })).toEqual({ ok: true, checked: 23, lastSeq: '23' });
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 23, lastSeq: '23' });
  });

  it('names the checkpoint the chain no longer reaches when a superuser deletes its last entries', async () => {
    await appendAudit(db, entries(2, 20));
    await asSuperuser('delete from audit_log where seq > 19');
    const before = await verifyAudit(db, { batchSize: 1 });
    expect(before).toMatchObject({
      ok: false,
      checked: 19,
      lastSeq: '19',
      firstBroken: { seq: '20', reason: 'truncated', message: expect.stringContaining('removed') },
    });
  });

  it('names the checkpoint when the whole chain was deleted', async () => {
    await asSuperuser('delete from audit_log');
    expect(await verifyAudit(db)).toMatchObject({
      ok: false,
      checked: 0,
      lastSeq: null,
      firstBroken: { seq: '10', reason: 'truncated' },
    });
  });

  it('names the checkpoint whose entry a forger holding the key rewrote, relinking the chain after it', async () => {
    await appendAudit(db, entries(4, 20));
    const rows = (await db('audit_log').where('seq', '>=', 15).orderBy('seq')) as AuditRow[];
    let prevHash = rows[0]!.prev_hash;
    for (const row of rows) {
      const forged = {
        ...row,
        entity_id: row.seq === '15' ? 'c-forged' : row.entity_id,
        prev_hash: prevHash,
      };
      const hash = entryHash(prevHash, hashedContentOf(forged), undefined, auditKeys().signing.key);
      await asSuperuser('update audit_log set entity_id = ?, prev_hash = ?, hash = ? where seq = ?', [
        forged.entity_id,
        prevHash,
        hash,
        row.seq,
      ]);
      prevHash = hash;
    }
    expect(await verifyAudit(db, { batchSize: 3 })).toMatchObject({
      ok: false,
      checked: 24,
      firstBroken: { seq: '20', reason: 'checkpoint' },
    });
  });

  it('names a checkpoint row a superuser altered', async () => {
    await asSuperuser(`update audit_checkpoints set hash = repeat('e', 64) where seq = 10`);
    expect((await verifyAudit(db)).firstBroken).toMatchObject({ seq: '10', reason: 'checkpoint' });
  });

  it('reports a break inside the chain before any checkpoint break', async () => {
    await asSuperuser(`update audit_log set actor_id = 'someone' where seq = 4`);
    await asSuperuser('delete from audit_log where seq > 15');
    expect((await verifyAudit(db)).firstBroken).toMatchObject({ seq: '4', reason: 'content' });
  });
});

describe('verifyAudit with an expected head', () => {
  it('detects truncation with no checkpoint rows, and a head with another hash', async () => {
    await appendAudit(db, entries(8));
    const head = { seq: '8', hash: await hashAt(8) };
    expect(await verifyAudit(db, { expectHead: head })).toEqual({ ok: true, checked: 8, lastSeq: '8' });
    expect(await verifyAudit(db, { expectHead: { seq: '5', hash: await hashAt(5) } })).toMatchObject({
      ok: true,
    });

    await asSuperuser('delete from audit_log where seq > 5');
    expect(await checkpoints()).toEqual([]);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 5, lastSeq: '5' });
    expect(await verifyAudit(db, { expectHead: head })).toMatchObject({
      ok: false,
      checked: 5,
      lastSeq: '5',
      firstBroken: { seq: '8', reason: 'truncated' },
    });
    expect(await verifyAudit(db, { expectHead: { seq: '5', hash: head.hash } })).toMatchObject({
      ok: false,
      firstBroken: { seq: '5', reason: 'checkpoint' },
    });
  });

  it('names the earlier of a broken checkpoint and a broken expected head', async () => {
    await appendAudit(db, entries(6));
    await writeCheckpoint(db);
    const early = { seq: '3', hash: 'f'.repeat(64) };
    await asSuperuser('delete from audit_log where seq > 4');
    expect((await verifyAudit(db, { expectHead: early })).firstBroken).toMatchObject({
      seq: '3',
      reason: 'checkpoint',
    });
    const late = { seq: '9', hash: 'f'.repeat(64) };
    expect((await verifyAudit(db, { expectHead: late })).firstBroken).toMatchObject({
      seq: '6',
      reason: 'truncated',
    });
  });
});

describe('verifyAudit walking the checkpoints in batches', () => {
  it('takes them in numeric seq order (9 before 10), one batch at a time', async () => {
    await appendAudit(db, entries(9));
    await writeCheckpoint(db);
    await appendAudit(db, entries(1, 9));
    await writeCheckpoint(db);
    await asSuperuser(`update audit_checkpoints set hash = repeat('e', 64) where seq = 9`);
    expect((await verifyAudit(db, { batchSize: 1 })).firstBroken).toMatchObject({
      seq: '9',
      reason: 'checkpoint',
    });
  });
});
