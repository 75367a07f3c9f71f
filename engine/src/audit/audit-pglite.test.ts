import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, type Db } from '../db/create-knex.js';
import { migrateLatest } from '../db/migrations.js';
import { appendAudit } from './append-audit.js';
import { verifyAudit } from './verify-audit.js';

let db: Db;

beforeAll(async () => {
  db = createKnex({ kind: 'pglite', dataDir: undefined });
  await migrateLatest(db);
}, 120_000);

afterAll(() => db.destroy());

describe('the audit log on PGlite', () => {
  it('chains, stays append-only and names an altered entry', async () => {
    await appendAudit(
      db,
      Array.from({ length: 5 }, (_, i) => ({ action: 'update', entityType: 'case', entityId: `c-${i}` })),
    );
    await appendAudit(db, [{ action: 'read', entityType: 'case', entityId: 'c-0' }]);
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 6, lastSeq: '6' });
    await expect(db.raw(`update audit_log set action = 'x'`)).rejects.toThrow('append-only');
    await expect(db.raw('delete from audit_log')).rejects.toThrow('append-only');
    await db.raw('alter table audit_log disable trigger audit_log_no_change');
    await db.raw(`update audit_log set entity_id = 'c-9' where seq = 3`);
    await db.raw('alter table audit_log enable trigger audit_log_no_change');
    expect((await verifyAudit(db)).firstBroken).toMatchObject({ seq: '3', reason: 'content' });
  });
});
