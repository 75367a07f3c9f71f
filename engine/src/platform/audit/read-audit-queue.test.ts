import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Db } from '../../infra/db/create-knex.js';
import { runWithContext } from '../../infra/logging/request-context.js';
import type { AuditRow } from './audit-entry.js';
import { clonedTestDatabase } from '../../../test/cloned-test-database.js';
import { ReadAuditQueue } from './read-audit-queue.js';
import { verifyAudit } from './verify-audit.js';

let db: Db;
let database: Awaited<ReturnType<typeof clonedTestDatabase>>;

beforeAll(async () => {
  database = await clonedTestDatabase(inject('templateDatabase'), 'tramit_read_audit', 4);
  db = database.db;
});

afterAll(() => database.drop());

beforeEach(async () => {
  await db.raw('alter table audit_log disable trigger audit_log_no_truncate');
  await db.raw('truncate audit_log');
  await db.raw('alter table audit_log enable trigger audit_log_no_truncate');
});

const rows = async () => (await db('audit_log').orderBy('seq')) as AuditRow[];
const read = (i: number) => ({ action: 'read', entityType: 'person', entityId: `p-${i}` });
const asClient = <T>(requestId: string, fn: () => T) =>
  runWithContext({ requestId, actor: { kind: 'client', id: 'billing' } }, fn);

describe('ReadAuditQueue', () => {
  it('writes queued reads within its delay, each with the reader captured when it read', async () => {
    const queue = new ReadAuditQueue(db, { maxDelayMs: 10 });
    await asClient('req-1', () => queue.add([read(1)]));
    await runWithContext({ requestId: 'req-2', actor: { kind: 'user', id: 'u-7' } }, () =>
      queue.add([read(2)]),
    );
    expect(await rows()).toEqual([]);
    await expect.poll(async () => (await rows()).length, { timeout: 2_000 }).toBe(2);
    const [first, second] = await rows();
    expect(first).toMatchObject({
      actor_kind: 'client',
      actor_id: 'billing',
      channel: 'integration',
      request_id: 'req-1',
    });
    expect(second).toMatchObject({ actor_kind: 'user', actor_id: 'u-7', channel: 'ui', request_id: 'req-2' });
    expect(await verifyAudit(db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('batches many reads into few transactions, and flush() writes them at once', async () => {
    const queue = new ReadAuditQueue(db, { maxDelayMs: 60_000, maxBatch: 100 });
    await Promise.all(Array.from({ length: 250 }, (_, i) => asClient(`r-${i}`, () => queue.add([read(i)]))));
    expect(queue.size).toBe(250);
    await queue.flush();
    expect(queue.size).toBe(0);
    const all = await rows();
    expect(all.map((r) => r.entity_id)).toEqual(Array.from({ length: 250 }, (_, i) => `p-${i}`));
    // One transaction per batch: rows of one batch share the chain time.
    expect(new Set(all.map((r) => new Date(r.at).getTime())).size).toBeLessThanOrEqual(3);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, checked: 250 });
  });

  it('writes about one transaction per delay under a steady stream of reads', async () => {
    const queue = new ReadAuditQueue(db, { maxDelayMs: 40 });
    const until = performance.now() + 400;
    let i = 0;
    while (performance.now() < until) {
      await asClient(`s-${i}`, () => queue.add([read(i++)]));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await queue.flush();
    const all = await rows();
    expect(all).toHaveLength(i);
    // One transaction per batch: rows of one batch share the chain time.
    expect(new Set(all.map((r) => new Date(r.at).getTime())).size).toBeLessThanOrEqual(15);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, checked: i });
  });

  it('makes a reader wait once the queue is full', async () => {
    const queue = new ReadAuditQueue(db, { maxDelayMs: 60_000, maxPending: 3 });
    await queue.add([read(1)]);
    await queue.add([read(2)]);
    expect((await rows()).length).toBe(0);
    await queue.add([read(3)]);
    expect((await rows()).length).toBe(3);
  });

  it('fails closed: after a failed write, reads wait for the retry and fail with it; nothing is lost', async () => {
    const errors: unknown[] = [];
    const queue = new ReadAuditQueue(db, { maxDelayMs: 5, onError: (e) => errors.push(e) });
    await db.raw(`create function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable'; end $$`);
    await db.raw(
      'create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()',
    );
    try {
      await queue.add([read(1)]);
      await expect.poll(() => errors.length, { timeout: 2_000 }).toBeGreaterThan(0);
      await expect(queue.add([read(2)])).rejects.toThrow(/audit store unavailable/);
      expect(queue.size).toBe(2);
      expect(await rows()).toEqual([]);
    } finally {
      await db.raw('drop trigger refuse_audit on audit_log');
      await db.raw('drop function refuse_audit()');
    }
    await queue.add([read(3)]);
    expect((await rows()).map((r) => r.entity_id)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(queue.size).toBe(0);
  });
});
