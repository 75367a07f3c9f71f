import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { EntityStore } from './entity-store.js';
import { citizenType, countRows, publishType, signedIn } from '../../../test/entity-test-support.js';
import type { RecordChange } from './record-events.js';

let server: TestServer;
let store: EntityStore;

beforeAll(async () => {
  server = await startTestServer();
  await publishType(await signedIn(server, 'admin'), 'citizen', citizenType());
  store = new EntityStore(server.tramit.db);
});
afterAll(() => server.close());

describe('record events', () => {
  it('deliver create, update and delete inside the writing transaction', async () => {
    const seen: (RecordChange & { visibleInTransaction: boolean })[] = [];
    const off = store.events.on(async (change, trx) => {
      const row = await trx('records').where({ id: change.id }).first('version');
      seen.push({ ...change, visibleInTransaction: row !== undefined });
    });
    const created = await store.create('citizen', { givenName: 'Rosa', surname1: 'Camps' });
    await store.patch('citizen', created.id, { age: 60 });
    await store.delete('citizen', created.id);
    off();
    await store.create('citizen', { givenName: 'After', surname1: 'Off' });
    expect(
      seen.map((c) => [c.action, c.before?.age ?? null, c.after?.age ?? null, c.visibleInTransaction]),
    ).toEqual([
      ['create', null, null, true],
      ['update', null, 60, true],
      ['delete', 60, null, true],
    ]);
    expect(seen.every((c) => c.entityType === 'citizen' && c.id === created.id)).toBe(true);
  });

  it('roll the write and its audit entry back when a listener fails', async () => {
    const records = await countRows(server, 'records');
    const audit = await countRows(server, 'audit_log');
    const off = store.events.on(async () => {
      throw new Error('listener refuses');
    });
    await expect(store.create('citizen', { givenName: 'No', surname1: 'Way' })).rejects.toThrow(
      'listener refuses',
    );
    await expect(store.bulkCreate('citizen', [{ givenName: 'No', surname1: 'Bulk' }])).rejects.toThrow(
      'listener refuses',
    );
    off();
    expect(await countRows(server, 'records')).toBe(records);
    expect(await countRows(server, 'audit_log')).toBe(audit);
  });
});
