import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../infra/db/create-knex.js';
import { clonedTestDatabase } from '../../../test/cloned-test-database.js';
import { testAuditKeys } from '../../../test/audit-keys-setup.js';
import { appendAudit } from './append-audit.js';
import { writeCheckpoint } from './audit-checkpoint.js';
import { chainRows, hashedContentOf, type AuditRow } from './audit-entry.js';
import { entryHash } from './audit-hash.js';
import {
  AuditKeysError,
  auditKeys,
  generateAuditKeysJson,
  parseAuditKeys,
  useAuditKeys,
} from './audit-keys.js';
import { verifyAudit } from './verify-audit.js';

let db: Db;
let database: Awaited<ReturnType<typeof clonedTestDatabase>>;
const testKeys = parseAuditKeys(testAuditKeys);

beforeAll(async () => {
  database = await clonedTestDatabase(inject('templateDatabase'), 'tramit_auditkey', 2);
  db = database.db;
});
afterAll(() => database.drop());

/** Runs `sql` with both tables' append-only triggers disabled, as a database superuser can. */
async function asSuperuser(sql: string, bindings: unknown[] = []): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('alter table audit_log disable trigger audit_log_no_change');
    await trx.raw('alter table audit_checkpoints disable trigger audit_checkpoints_no_change');
    await trx.raw(sql, bindings as never);
    await trx.raw('alter table audit_checkpoints enable trigger audit_checkpoints_no_change');
    await trx.raw('alter table audit_log enable trigger audit_log_no_change');
  });
}

beforeEach(async () => {
  useAuditKeys(testKeys);
  await asSuperuser('delete from audit_log; delete from audit_checkpoints');
});
afterEach(() => useAuditKeys(testKeys));

const entries = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    action: 'update',
    entityType: 'person',
    entityId: `p-${from + i}`,
    changes: [{ path: '/givenName', new: `Name ${from + i}` }],
  }));

/**
 * What a superuser without the key can do: change entry `seq`, then recompute the plain SHA-256
 * chain from it to the head (keeping or dropping the key ids) and every checkpoint after it.
 */
async function rewriteConsistently(seq: number, keyIds: 'kept' | 'dropped'): Promise<void> {
  await asSuperuser(`update audit_log set entity_id = 'p-forged' where seq = ?`, [seq]);
  const rows = (await db('audit_log').where('seq', '>=', seq).orderBy('seq')) as AuditRow[];
  let prevHash = rows[0]!.prev_hash;
  for (const row of rows) {
    const hash = entryHash(prevHash, hashedContentOf(row));
    await asSuperuser('update audit_log set prev_hash = ?, hash = ?, key_id = ? where seq = ?', [
      prevHash,
      hash,
      keyIds === 'kept' ? row.key_id : null,
      row.seq,
    ]);
    prevHash = hash;
  }
  await asSuperuser(
    'update audit_checkpoints c set hash = a.hash from audit_log a where a.seq = c.seq and c.seq >= ?',
    [seq],
  );
}

/** Plain SHA-256 entries as the chain held them before the audit keys (key_id null). */
async function appendPlain(n: number): Promise<void> {
  const head = (await db('audit_log').orderBy('seq', 'desc').first('seq', 'hash')) as AuditRow | undefined;
  const contents = entries(n).map((e) => ({
    ...e,
    actorKind: 'engine',
    actorId: 'engine',
    channel: 'engine',
    requestId: null,
    subjectPersonId: null,
  }));
  const rows = chainRows(
    { seq: head ? String(head.seq) : null, hash: head?.hash ?? null, at: new Date().toISOString() },
    contents,
    null,
  );
  await db('audit_log').insert(rows);
}

describe('the keyed audit chain', () => {
  it.each(['kept', 'dropped'] as const)(
    'names the altered entry after a superuser recomputed the SHA-256 chain and checkpoints (key ids %s)',
    async (keyIds) => {
      await appendAudit(db, entries(20));
      await writeCheckpoint(db);
      await appendAudit(db, entries(10, 20));
      await writeCheckpoint(db);
      expect(await verifyAudit(db)).toEqual({ ok: true, checked: 30, lastSeq: '30' });

      await rewriteConsistently(12, keyIds);
      // The rewrite is consistent as far as SHA-256 goes: every link and checkpoint matches.
      const forged = (await db('audit_log').where('seq', 12).first()) as AuditRow;
      expect(entryHash(forged.prev_hash, hashedContentOf(forged))).toBe(forged.hash);
      const result = await verifyAudit(db, { batchSize: 7 });
      expect(result).toMatchObject({
        ok: false,
        checked: 11,
        firstBroken: { seq: '12', reason: keyIds === 'kept' ? 'content' : 'unkeyed' },
      });
    },
  );

  it('verifies entries signed before a key rotation with the old key, kept after the new one', async () => {
    const oldKeys = parseAuditKeys(generateAuditKeysJson('old'));
    const newJson = generateAuditKeysJson('new');
    useAuditKeys(oldKeys);
    await appendAudit(db, entries(5));
    const rotated = parseAuditKeys(
      JSON.stringify([...JSON.parse(newJson), { kid: 'old', key: keyText(oldKeys) }]),
    );
    useAuditKeys(rotated);
    await appendAudit(db, entries(5, 5));
    const kids = (await db('audit_log').orderBy('seq').pluck('key_id')) as string[];
    expect(kids).toEqual([...Array(5).fill('old'), ...Array(5).fill('new')]);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 10, lastSeq: '10' });

    // Drop the old key and its entries no longer verify; a tampered new entry is still named.
    const withoutOld = parseAuditKeys(newJson);
    expect((await verifyAudit(db, { keys: withoutOld })).firstBroken).toMatchObject({
      seq: '1',
      reason: 'unknown-key',
    });
    await rewriteConsistently(7, 'kept');
    expect((await verifyAudit(db)).firstBroken).toMatchObject({ seq: '7', reason: 'content' });
  });

  it('keeps verifying a chain written before the keys, the first keyed entry linking to it', async () => {
    await appendPlain(6);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 6, lastSeq: '6', plainEntries: 6 });
    await appendAudit(db, entries(4, 6));
    const [lastPlain, firstKeyed] = (await db('audit_log')
      .whereIn('seq', [6, 7])
      .orderBy('seq')) as AuditRow[];
    expect(lastPlain!.key_id).toBeNull();
    expect(firstKeyed).toMatchObject({ key_id: auditKeys().signing.kid, prev_hash: lastPlain!.hash });
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 10, lastSeq: '10', plainEntries: 6 });

    // A plain entry rewritten with its chain recomputed: the first keyed entry's HMAC covers it.
    await rewriteConsistently(3, 'kept');
    expect((await verifyAudit(db)).firstBroken).toMatchObject({ seq: '7', reason: 'content' });
  });

  it('names an entry whose key is not configured', async () => {
    await appendAudit(db, entries(3));
    await asSuperuser(`update audit_log set key_id = 'elsewhere' where seq = 2`);
    expect((await verifyAudit(db)).firstBroken).toMatchObject({
      seq: '2',
      reason: 'unknown-key',
      message: expect.stringContaining('not configured'),
    });
  });
});

function keyText(keyring: ReturnType<typeof parseAuditKeys>): string {
  return keyring.signing.key.export().toString('base64url');
}

describe('parseAuditKeys', () => {
  it.each([
    ['nope', 'not valid JSON'],
    ['[]', 'non-empty JSON list'],
    ['[{"key":"x"}]', 'key 0: "kid"'],
    ['[{"kid":"a","key":"c2hvcnQ"}]', 'key 0: "key" must hold at least 32 bytes'],
    ['[{"kid":"a","key":"not base64!"}]', 'key 0: "key" must be a base64'],
    [
      `[${generateAuditKeysJson('a').slice(1, -1)},${generateAuditKeysJson('a').slice(1, -1)}]`,
      'duplicate kid "a"',
    ],
  ])('refuses %s', (json, message) => {
    expect(() => parseAuditKeys(json)).toThrow(AuditKeysError);
    expect(() => parseAuditKeys(json)).toThrow(message);
  });

  it('signs with the first key and verifies with all', () => {
    const keys = parseAuditKeys(
      JSON.stringify([...JSON.parse(generateAuditKeysJson('b')), ...JSON.parse(generateAuditKeysJson('a'))]),
    );
    expect(keys.signing.kid).toBe('b');
    expect([...keys.byKid.keys()]).toEqual(['b', 'a']);
  });
});
