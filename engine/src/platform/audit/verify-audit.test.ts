import { afterAll, beforeAll, inject, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../infra/db/create-knex.js';
import { appendAudit } from './append-audit.js';
import { entryHash } from './audit-hash.js';
import { auditKeys } from './audit-keys.js';
import { hashedContentOf, type AuditRow } from './audit-entry.js';
import { verifyAudit } from './verify-audit.js';
import { clonedTestDatabase } from '../../../test/cloned-test-database.js';

let db: Db;
let database: Awaited<ReturnType<typeof clonedTestDatabase>>;

beforeAll(async () => {
  database = await clonedTestDatabase(inject('templateDatabase'), 'tramit_auditv', 2);
  db = database.db;
});

afterAll(() => database.drop());

/** Runs `sql` with the append-only trigger disabled, as only a superuser or the owner can. */
async function asSuperuser(sql: string, bindings: unknown[] = []): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('alter table audit_log disable trigger audit_log_no_change');
    await trx.raw(sql, bindings as never);
    await trx.raw('alter table audit_log enable trigger audit_log_no_change');
  });
}

beforeEach(async () => {
  await asSuperuser('delete from audit_log');
  await appendAudit(
    db,
    Array.from({ length: 30 }, (_, i) => ({
      action: i % 3 === 0 ? 'create' : 'update',
      entityType: 'person',
      entityId: `p-${i % 4}`,
      subjectPersonId: `p-${i % 4}`,
      changes: [{ path: '/givenName', old: `Old ${i}`, new: `New ${i}` }],
    })),
  );
});

describe('verifyAudit', () => {
  it('gives the same answer whatever the batch size, reporting progress per batch', async () => {
    const progress: number[] = [];
    const streamed = await verifyAudit(db, { batchSize: 7, onProgress: (n) => progress.push(n) });
    expect(streamed).toEqual({ ok: true, checked: 30, lastSeq: '30' });
    expect(progress).toEqual([7, 14, 21, 28, 30]);
    expect(await verifyAudit(db)).toEqual(streamed);
  });

  it.each([
    {
      what: 'a value changed in place',
      tamper: `update audit_log set changes = '[{"path":"/givenName","old":"Old 11","new":"Forged"}]' where seq = 12`,
      seq: '12',
      reason: 'content',
      checked: 11,
    },
    {
      what: 'the actor rewritten',
      tamper: `update audit_log set actor_id = 'someone-else' where seq = 5`,
      seq: '5',
      reason: 'content',
      checked: 4,
    },
    {
      what: 'an entry deleted',
      tamper: 'delete from audit_log where seq = 20',
      seq: '21',
      reason: 'missing-entries',
      checked: 19,
    },
    {
      what: 'the first entry deleted',
      tamper: 'delete from audit_log where seq = 1',
      seq: '2',
      reason: 'missing-entries',
      checked: 0,
    },
    {
      what: 'the previous-hash link rewritten',
      tamper: `update audit_log set prev_hash = repeat('a', 64) where seq = 9`,
      seq: '9',
      reason: 'prev-hash',
      checked: 8,
    },
  ])('names the first broken entry when $what', async ({ tamper, seq, reason, checked }) => {
    await asSuperuser(tamper);
    const result = await verifyAudit(db, { batchSize: 4 });
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq, reason });
    expect(result.checked).toBe(checked);
  });

  it('names the altered entry when a forger without the key recomputes its hash as SHA-256', async () => {
    await asSuperuser(`update audit_log set action = 'read' where seq = 15`);
    const row = (await db('audit_log').where({ seq: 15 }).first()) as AuditRow;
    await asSuperuser('update audit_log set hash = ? where seq = 15', [
      entryHash(row.prev_hash, hashedContentOf(row)),
    ]);
    expect((await verifyAudit(db)).firstBroken).toMatchObject({ seq: '15', reason: 'content' });
  });

  it('catches a forger holding the key who recomputes the altered entry’s hash: the next no longer links', async () => {
    await asSuperuser(`update audit_log set action = 'read' where seq = 15`);
    const row = (await db('audit_log').where({ seq: 15 }).first()) as AuditRow;
    await asSuperuser('update audit_log set hash = ? where seq = 15', [
      entryHash(row.prev_hash, hashedContentOf(row), undefined, auditKeys().signing.key),
    ]);
    expect((await verifyAudit(db)).firstBroken).toMatchObject({ seq: '16', reason: 'prev-hash' });
  });

  it('reports intact again once the superuser puts the row back', async () => {
    const original = (await db('audit_log').where({ seq: 7 }).first()) as AuditRow;
    await asSuperuser(`update audit_log set entity_id = 'p-forged' where seq = 7`);
    expect((await verifyAudit(db)).firstBroken?.seq).toBe('7');
    await asSuperuser('update audit_log set entity_id = ? where seq = 7', [original.entity_id]);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 30, lastSeq: '30' });
  });
});
