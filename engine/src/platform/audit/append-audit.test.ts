import { afterAll, beforeAll, inject, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../infra/db/create-knex.js';
import { runWithContext } from '../../infra/logging/request-context.js';
import { appendAudit, type AuditEntryInput } from './append-audit.js';
import { entryHash } from './audit-hash.js';
import { auditKeys } from './audit-keys.js';
import { hashedContentOf, type AuditRow } from './audit-entry.js';
import { verifyAudit } from './verify-audit.js';
import { clonedTestDatabase } from '../../../test/cloned-test-database.js';

let db: Db;
let database: Awaited<ReturnType<typeof clonedTestDatabase>>;

beforeAll(async () => {
  database = await clonedTestDatabase(inject('templateDatabase'), 'tramit_audit', 8);
  db = database.db;
});

afterAll(() => database.drop());

async function clear(): Promise<void> {
  await db.raw('alter table audit_log disable trigger audit_log_no_truncate');
  await db.raw('truncate audit_log');
  await db.raw('alter table audit_log enable trigger audit_log_no_truncate');
}

async function rows(): Promise<AuditRow[]> {
  return (await db('audit_log').orderBy('seq')) as AuditRow[];
}

const entry = (i: number, extra: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  action: 'update',
  entityType: 'person',
  entityId: `p-${i}`,
  changes: [{ path: '/phones/0', old: '+34600000000', new: `+3460000${String(i).padStart(4, '0')}` }],
  ...extra,
});

beforeEach(clear);

describe('appendAudit', () => {
  it('chains every entry to the previous one from the first (genesis) entry on', async () => {
    await appendAudit(db, [entry(1), entry(2)]);
    await appendAudit(db, [entry(3)]);
    const all = await rows();
    expect(all.map((r) => String(r.seq))).toEqual(['1', '2', '3']);
    expect(all[0]!.prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < all.length; i++) expect(all[i]!.prev_hash).toBe(all[i - 1]!.hash);
    const { signing } = auditKeys();
    for (const row of all) {
      expect(row.key_id).toBe(signing.kid);
      expect(entryHash(row.prev_hash, hashedContentOf(row), undefined, signing.key)).toBe(row.hash);
    }
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 3, lastSeq: '3' });
  });

  it.each([
    { context: undefined, actor: ['engine', 'engine'], channel: 'engine', requestId: null },
    { context: { requestId: 'r-anon' }, actor: ['engine', 'engine'], channel: 'api', requestId: 'r-anon' },
    {
      context: { requestId: 'r-ui', actor: { kind: 'user' as const, id: 'u-1' } },
      actor: ['user', 'u-1'],
      channel: 'ui',
      requestId: 'r-ui',
    },
    {
      context: { requestId: 'r-int', actor: { kind: 'client' as const, id: 'crm-sync' } },
      actor: ['client', 'crm-sync'],
      channel: 'integration',
      requestId: 'r-int',
    },
    {
      context: {
        requestId: 'r-op',
        actor: { kind: 'client' as const, id: 'ops-script' },
        channel: 'api' as const,
      },
      actor: ['client', 'ops-script'],
      channel: 'api',
      requestId: 'r-op',
    },
  ])('derives actor, channel and request id from the request context ($channel)', async (c) => {
    const append = () => appendAudit(db, [entry(1)]);
    await (c.context ? runWithContext(c.context, append) : append());
    const [row] = await rows();
    expect([row!.actor_kind, row!.actor_id, row!.channel, row!.request_id]).toEqual([
      ...c.actor,
      c.channel,
      c.requestId,
    ]);
  });

  it('lets the caller override what the context says', async () => {
    await runWithContext({ requestId: 'r-1', actor: { kind: 'user', id: 'u-1' } }, () =>
      appendAudit(db, [entry(1, { actor: { kind: 'client', id: 'c-9' }, channel: 'api', requestId: 'r-2' })]),
    );
    const [row] = await rows();
    expect([row!.actor_kind, row!.actor_id, row!.channel, row!.request_id]).toEqual([
      'client',
      'c-9',
      'api',
      'r-2',
    ]);
  });

  it('joins the caller’s transaction: a rolled-back write leaves no entry', async () => {
    await expect(
      db.transaction(async (trx) => {
        await appendAudit(trx, [entry(1)]);
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await rows()).toEqual([]);
  });

  it('writes the rows before the caller’s next statement, which sees them', async () => {
    const seen = await db.transaction(async (trx) => {
      await appendAudit(trx, [entry(1), entry(2)]);
      return Number((await trx('audit_log').count('* as n').first())!.n);
    });
    expect(seen).toBe(2);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 2, lastSeq: '2' });
  });

  it('keeps values with quotes, backslashes and unicode exactly as given', async () => {
    const tricky = `O'Brien \\ "quoted" \u00e0 \n ? $1 :name ; drop table audit_log; --`;
    await appendAudit(db, [
      entry(1, {
        entityId: tricky,
        changes: [{ path: '/name', old: tricky, new: { nested: [tricky, 1.5, null] } }],
      }),
    ]);
    const [row] = await rows();
    expect(row!.entity_id).toBe(tricky);
    expect(row!.changes).toEqual([{ path: '/name', old: tricky, new: { nested: [tricky, 1.5, null] } }]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('verifies entries whose values JSON changes on the way (dates, undefined)', async () => {
    const at = new Date('2026-12-02T00:00:00.000Z');
    await appendAudit(db, [entry(1, { changes: [{ path: '/due', old: undefined, new: at }] })]);
    const [row] = await rows();
    expect(row!.changes).toEqual([{ path: '/due', new: at.toISOString() }]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('does not fork the chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.transaction(async (trx) => {
          await trx.raw('select pg_sleep(0.002)');
          await appendAudit(trx, [entry(i * 2), entry(i * 2 + 1)]);
        }),
      ),
    );
    const result = await verifyAudit(db);
    expect(result).toEqual({ ok: true, checked: 48, lastSeq: '48' });
    expect(new Set((await rows()).map((r) => r.prev_hash)).size).toBe(48);
  });

  it('writes a large batch in several statements as one chain', async () => {
    await appendAudit(
      db,
      Array.from({ length: 2_345 }, (_, i) => entry(i)),
    );
    expect(await verifyAudit(db, { batchSize: 1_000 })).toEqual({
      ok: true,
      checked: 2_345,
      lastSeq: '2345',
    });
  });

  it('refuses a transaction that is not READ COMMITTED (it could read a stale head)', async () => {
    await expect(
      db.transaction((trx) => appendAudit(trx, [entry(1)]), { isolationLevel: 'repeatable read' }),
    ).rejects.toThrow(/READ COMMITTED/);
  });
});

describe('the database keeps audit rows append-only', () => {
  it.each([
    ['UPDATE', `update audit_log set action = 'read'`],
    ['DELETE', 'delete from audit_log'],
    ['TRUNCATE', 'truncate audit_log'],
  ])('%s by the application’s connection fails and changes nothing', async (op, sql) => {
    await appendAudit(db, [entry(1), entry(2)]);
    const before = await rows();
    await expect(db.raw(sql)).rejects.toThrow(`audit_log is append-only: ${op} is not allowed`);
    expect(await rows()).toEqual(before);
  });
});
