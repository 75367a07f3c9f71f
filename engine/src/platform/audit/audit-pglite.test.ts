import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnex, type Db } from '../../infra/db/create-knex.js';
import { migrateLatest } from '../../infra/db/migrations.js';
import { appendAudit } from './append-audit.js';
import { writeCheckpoint } from './audit-checkpoint.js';
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

  it('checkpoints the head, keeps checkpoints append-only and names a truncated tail', async () => {
    await db.raw('alter table audit_log disable trigger audit_log_no_change');
    await db.raw('delete from audit_log');
    await db.raw('alter table audit_log enable trigger audit_log_no_change');
    await appendAudit(
      db,
      Array.from({ length: 4 }, (_, i) => ({ action: 'update', entityType: 'case', entityId: `t-${i}` })),
    );
    const head = (await db('audit_log').orderBy('seq', 'desc').first('hash')) as { hash: string };
    expect(await writeCheckpoint(db)).toEqual({ seq: '4', hash: head.hash });
    expect(await writeCheckpoint(db)).toBeUndefined();
    await expect(db.raw(`update audit_checkpoints set hash = 'x'`)).rejects.toThrow('append-only');
    await expect(db.raw('truncate audit_checkpoints')).rejects.toThrow('append-only');
    await db.raw('alter table audit_log disable trigger audit_log_no_change');
    await db.raw('delete from audit_log where seq > 2');
    await db.raw('alter table audit_log enable trigger audit_log_no_change');
    expect(await verifyAudit(db)).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { seq: '4', reason: 'truncated' },
    });
  });
});
