import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkAccess } from '../../../test/camunda-api-client.js';
import { request, type BrowserSession } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import {
  citizenType,
  countRows,
  publishType,
  signedIn,
  supplyType,
} from '../../../test/entity-test-support.js';

let server: TestServer;
let admin: BrowserSession;
let supervisor: BrowserSession;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, 'admin');
  supervisor = await signedIn(server, 'supervisor');
  await publishType(admin, 'citizen', citizenType());
  await publishType(admin, 'supply', supplyType());
});
afterAll(() => server.close());

const valid = {
  givenName: 'Núria',
  surname1: 'Puig',
  surname2: 'Soler',
  dni: '12345678Z',
  phones: ['612 34 56 78'],
  iban: 'ES91 2100 0418 4502 0005 1332',
};

describe('records through the generated API', () => {
  it.each([
    [['integration'] as const, 'integration'],
    [['admin'] as const, 'api'],
  ])('audits a bearer-token client with roles %j on the %s channel', async (roles, channel) => {
    const { token, clientId } = await sdkAccess(server, { roles: [...roles] });
    const created = await request(`${server.url}/api/v1/entities/supply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      json: { reference: `CH-${channel}` },
    });
    expect(created.status).toBe(201);
    const entry = await server.tramit
      .db('audit_log')
      .where({ entity_type: 'supply', entity_id: created.body.id as string })
      .first('action', 'channel', 'actor_kind', 'actor_id');
    expect(entry).toEqual({ action: 'create', channel, actor_kind: 'client', actor_id: clientId });
  });

  it('creates, reads, patches with ETags and soft-deletes, auditing each change', async () => {
    const created = await supervisor.send('/api/v1/entities/citizen', { method: 'POST', json: valid });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body.data).toMatchObject({
      phones: ['+34612345678'],
      iban: 'ES9121000418450200051332',
      dni: '12345678Z',
    });

    const read = await supervisor.send(`/api/v1/entities/citizen/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id,
      type: 'citizen',
      version: 1,
      schemaVersion: 1,
      data: { givenName: 'Núria' },
    });

    const patched = await supervisor.send(`/api/v1/entities/citizen/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"1"', 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ surname2: null, age: 41 }),
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('"2"');
    expect(patched.body.data).not.toHaveProperty('surname2');
    expect(patched.body.data).toMatchObject({ age: 41 });

    const stale = await supervisor.send(`/api/v1/entities/citizen/${id}`, {
      method: 'PATCH',
      headers: { 'if-match': '"1"' },
      json: { age: 42 },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentVersion: 2, current: { version: 2, data: { age: 41 } } });
    expect(stale.headers.get('etag')).toBe('"2"');

    await server.tramit.entities.readAudit.flush();
    const audit = await server.tramit
      .db('audit_log')
      .where({ entity_type: 'citizen', entity_id: id })
      .orderBy('seq')
      .select('action', 'changes', 'channel', 'subject_person_id');
    const writes = audit.filter((a) => a.action !== 'read');
    expect(writes.map((a) => a.action)).toEqual(['create', 'update']);
    expect(writes[0].channel).toBe('ui');
    expect(writes[0].changes).toContainEqual({ path: '/iban', new: '••••••••••••••••••••1332' });
    expect(writes[1].changes).toEqual([
      { path: '/age', new: 41 },
      { path: '/surname2', old: 'Soler' },
    ]);
    expect(audit.some((a) => a.action === 'read')).toBe(true);

    const deleted = await supervisor.send(`/api/v1/entities/citizen/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await supervisor.send(`/api/v1/entities/citizen/${id}`)).status).toBe(404);
    expect(await countRows(server, 'records', { id })).toBe(1);
    const history = await supervisor.send<{ items: { action: string }[] }>(
      `/api/v1/entities/citizen/${id}/history`,
    );
    expect(history.body.items.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
  });

  it.each([
    ['ca', 'és obligatori', 'no és un camp conegut'],
    ['es', 'es obligatorio', 'no es un campo conocido'],
    ['en', 'is required', 'is not a known field'],
  ])('lists every failing field in %s and stores nothing', async (language, required, unknown) => {
    const before = await countRows(server, 'records', { type: 'citizen' });
    const response = await supervisor.send('/api/v1/entities/citizen', {
      method: 'POST',
      headers: { 'accept-language': `${language},en;q=0.5` },
      json: { surname1: '', dni: '12345678A', age: -1, phones: ['not a phone'], shoeSize: 44 },
    });
    expect(response.status).toBe(422);
    const errors = response.body.errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path).sort()).toEqual([
      '/age',
      '/dni',
      '/givenName',
      '/phones/0',
      '/shoeSize',
      '/surname1',
    ]);
    expect(errors.find((e) => e.path === '/givenName')?.message).toBe(required);
    expect(errors.find((e) => e.path === '/shoeSize')?.message).toBe(unknown);
    expect(await countRows(server, 'records', { type: 'citizen' })).toBe(before);
  });

  it('refuses references to missing records and bodies over 1 MB', async () => {
    const before = await countRows(server, 'records');
    const dangling = await supervisor.send('/api/v1/entities/supply', {
      method: 'POST',
      json: { reference: 'S-1', holderId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(dangling.status).toBe(422);
    expect(dangling.body.errors).toEqual([
      { path: '/holderId', message: 'is not the id of an existing citizen record' },
    ]);
    const huge = await supervisor.send('/api/v1/entities/citizen', {
      method: 'POST',
      json: { ...valid, notes: 'x'.repeat(1_100_000) },
    });
    expect(huge.status).toBe(413);
    expect(await countRows(server, 'records')).toBe(before);
  });

  it('answers 404 for unknown types and ids, 400 for a type name that cannot exist', async () => {
    expect((await supervisor.send('/api/v1/entities/nothing_here')).status).toBe(404);
    expect((await supervisor.send('/api/v1/entities/citizen/not-a-uuid')).status).toBe(404);
    const bad = await supervisor.send(`/api/v1/entities/${encodeURIComponent("x'; drop table records;--")}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'name', message: 'must match ^[a-z][a-z0-9_]{0,62}$' }]);
  });

  it('bulk-creates in one transaction, refusing the whole batch when one record is invalid', async () => {
    const before = await countRows(server, 'records', { type: 'citizen' });
    const people = Array.from({ length: 25 }, (_, i) => ({ givenName: `P${i}`, surname1: 'Bulk' }));
    await expect(
      server.tramit.entities.bulkCreate('citizen', [...people, { givenName: 'no surname' }], {
        batchSize: 10,
      }),
    ).rejects.toMatchObject({
      kind: 'invalid',
      errors: [{ path: '/25/surname1', message: 'is required' }],
    });
    expect(await countRows(server, 'records', { type: 'citizen' })).toBe(before);
    const { ids } = await server.tramit.entities.bulkCreate('citizen', people, { batchSize: 10 });
    expect(ids).toHaveLength(25);
    expect(await countRows(server, 'records', { type: 'citizen' })).toBe(before + 25);
    const audited = await server.tramit
      .db('audit_log')
      .whereIn('entity_id', ids)
      .where({ action: 'create' })
      .pluck('entity_id');
    expect(audited.sort()).toEqual([...ids].sort());
  });

  it('bulk-creates only records whose references exist, naming each dangling one', async () => {
    const holder = await server.tramit.entities.create('citizen', { givenName: 'Holder', surname1: 'Bulk' });
    const gone = await server.tramit.entities.create('citizen', { givenName: 'Gone', surname1: 'Bulk' });
    await server.tramit.entities.delete('citizen', gone.id);
    const before = await countRows(server, 'records', { type: 'supply' });
    const supplies = [
      { reference: 'B-1', holderId: holder.id },
      { reference: 'B-2', holderId: gone.id },
      { reference: 'B-3' },
      { reference: 'B-4', holderId: '7d0a4f8e-0000-4000-8000-000000000000' },
    ];
    await expect(server.tramit.entities.bulkCreate('supply', supplies)).rejects.toMatchObject({
      kind: 'invalid',
      errors: [
        { path: '/1/holderId', message: 'is not the id of an existing citizen record' },
        { path: '/3/holderId', message: 'is not the id of an existing citizen record' },
      ],
    });
    expect(await countRows(server, 'records', { type: 'supply' })).toBe(before);
    const { ids } = await server.tramit.entities.bulkCreate('supply', [supplies[0]!, supplies[2]!]);
    expect(ids).toHaveLength(2);
  });
});
