import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import type { EntityTypeDocument } from './entity-type.js';
import { countRows, publishType, signedIn } from '../../../test/entity-test-support.js';

let server: TestServer;
let admin: BrowserSession;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, 'admin');
});
afterAll(() => server.close());

const label = { ca: 'Comptador', es: 'Contador', en: 'Meter' };
const meter = (extra: Partial<EntityTypeDocument> = {}): EntityTypeDocument => ({
  type: 'object',
  'x-label': label,
  required: ['serial'],
  properties: {
    serial: { type: 'string', maxLength: 20, 'x-unique': true },
    kind: { type: 'string', enum: ['water', 'gas'], 'x-index': 'btree' },
  },
  ...extra,
});

async function indexesOfType(type: string): Promise<string[]> {
  const result = await server.tramit.db.raw(
    `select indexname from pg_indexes where tablename = 'records' and indexdef like ?`,
    [`%type = '${type}'%`],
  );
  return (result.rows as { indexname: string }[]).map((r) => r.indexname).sort();
}

describe('entity types', () => {
  it('publishes a draft, creates its indexes, and versions compatible changes at once', async () => {
    const first = await publishType(admin, 'meter', meter());
    expect(first).toEqual({
      published: true,
      version: 1,
      compatible: true,
      breakingChanges: [],
      failingRecords: 0,
    });
    expect(await indexesOfType('meter')).toHaveLength(2);

    const listed = await admin.send<{
      items: { name: string; version: number; hasDraft: boolean; label: unknown }[];
    }>('/api/v1/entity-types');
    expect(listed.body.items.find((t) => t.name === 'meter')).toMatchObject({
      version: 1,
      hasDraft: false,
      label,
    });

    const doc = meter();
    doc.properties.kind!.enum = ['water', 'gas', 'electricity'];
    doc.properties.reading = { type: 'number', 'x-index': 'btree' };
    doc.properties.serial!.maxLength = 30;
    expect(await publishType(admin, 'meter', doc)).toMatchObject({
      published: true,
      version: 2,
      compatible: true,
    });
    expect(await indexesOfType('meter')).toHaveLength(3);

    const described = await admin.send('/api/v1/entity-types/meter');
    expect(described.body).toMatchObject({ name: 'meter', draft: null, published: { version: 2 } });
    expect((described.body.versions as unknown[]).length).toBe(2);
  });

  it('adds a field through the API that appears in OpenAPI and in records at once', async () => {
    const anonymous = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(anonymous.status).toBe(401);
    const before = await admin.send<{ components: { schemas: Record<string, { properties: object }> } }>(
      '/api/v1/openapi.json',
    );
    expect(before.body.components.schemas.meter!.properties).not.toHaveProperty('location');
    const doc = (
      await admin.send<{ published: { schema: EntityTypeDocument } }>('/api/v1/entity-types/meter')
    ).body.published.schema;
    doc.properties.location = {
      type: 'string',
      'x-label': { ca: 'Ubicació', es: 'Ubicación', en: 'Location' },
    };
    await publishType(admin, 'meter', doc);
    const after = await admin.send<{
      components: { schemas: Record<string, { properties: object }> };
      paths: object;
    }>('/api/v1/openapi.json');
    expect(after.body.components.schemas.meter!.properties).toHaveProperty('location');
    expect(after.body.paths).toHaveProperty(['/api/v1/entities/meter/{id}']);
    const created = await admin.send('/api/v1/entities/meter', {
      method: 'POST',
      json: { serial: 'M-1', location: 'Basement' },
    });
    expect(created.status).toBe(201);
    const read = await admin.send(`/api/v1/entities/meter/${created.body.id as string}`);
    expect(read.body.data).toEqual({ serial: 'M-1', location: 'Basement' });
  });

  it('refuses an incompatible change unless forced; a dry run counts failing records', async () => {
    await admin.send('/api/v1/entities/meter', { method: 'POST', json: { serial: 'M-2', kind: 'gas' } });
    const doc = (
      await admin.send<{ published: { schema: EntityTypeDocument } }>('/api/v1/entity-types/meter')
    ).body.published.schema;
    doc.properties.kind!.enum = ['water', 'electricity'];
    doc.required = ['serial', 'kind'];
    delete doc.properties.location;
    await admin.send('/api/v1/entity-types/meter/draft', { method: 'PUT', json: doc });

    const dry = await admin.send('/api/v1/entity-types/meter/publish', {
      method: 'POST',
      json: { dryRun: true },
    });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ published: false, compatible: false, failingRecords: 2 });
    expect((dry.body.breakingChanges as { path: string }[]).map((c) => c.path).sort()).toEqual([
      '/kind',
      '/kind',
      '/location',
    ]);

    const refused = await admin.send('/api/v1/entity-types/meter/publish', { method: 'POST', json: {} });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      published: false,
      version: 3,
      compatible: false,
      failingRecords: 2,
    });
    expect((await admin.send('/api/v1/entity-types/meter')).body).toMatchObject({
      published: { version: 3 },
    });

    const forced = await admin.send('/api/v1/entity-types/meter/publish', {
      method: 'POST',
      json: { force: true },
    });
    expect(forced.body).toMatchObject({ published: true, version: 4, compatible: false });
    const old = await admin.send<{ items: { schemaVersion: number; data: { serial: string } }[] }>(
      '/api/v1/entities/meter?sort=serial',
    );
    expect(old.body.items.map((r) => [r.data.serial, r.schemaVersion])).toEqual([
      ['M-1', 3],
      ['M-2', 3],
    ]);
  });

  it('answers an invalid schema with 422 and ajv paths, a bad name with 400, and changes nothing', async () => {
    const before = await countRows(server, 'entity_types');
    const cases: [string, unknown, number, string][] = [
      [
        'bad_schema',
        { ...meter(), properties: { serial: { type: 'strin' } } },
        422,
        '/properties/serial/type',
      ],
      ['bad_label', { ...meter(), 'x-label': { ca: 'x' } }, 422, '/x-label/es'],
      ['bad_pattern', { ...meter(), properties: { serial: { type: 'string', pattern: '(' } } }, 422, '/'],
      ['bad_required', { ...meter(), required: ['missing'] }, 422, '/required/0'],
      [
        'bad_trigram',
        { ...meter(), properties: { n: { type: 'integer', 'x-index': 'trigram' } } },
        422,
        '/properties/n/x-index',
      ],
      [
        'bad_unique',
        { ...meter(), properties: { tags: { type: 'array', 'x-unique': true } } },
        422,
        '/properties/tags/x-unique',
      ],
      ["bad'; drop table records; --", meter(), 400, 'name'],
      ['Upper', meter(), 400, 'name'],
      ['a'.repeat(64), meter(), 400, 'name'],
    ];
    for (const [name, doc, status, path] of cases) {
      const response = await admin.send(`/api/v1/entity-types/${encodeURIComponent(name)}/draft`, {
        method: 'PUT',
        json: doc,
      });
      expect([name, response.status]).toEqual([name, status]);
      expect((response.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    }
    expect(await countRows(server, 'entity_types')).toBe(before);
    const hostileField = await admin.send('/api/v1/entity-types/hostile/draft', {
      method: 'PUT',
      json: { ...meter(), properties: { "a'); drop table records; --": { type: 'string' } } },
    });
    expect(hostileField.status).toBe(422);
    expect(await countRows(server, 'entity_types')).toBe(before);
  });

  it('refuses to make a field unique while records hold duplicates', async () => {
    await publishType(admin, 'tag', {
      type: 'object',
      'x-label': label,
      properties: { code: { type: 'string' } },
    });
    for (const code of ['A', 'A'])
      await admin.send('/api/v1/entities/tag', { method: 'POST', json: { code } });
    await admin.send('/api/v1/entity-types/tag/draft', {
      method: 'PUT',
      json: { type: 'object', 'x-label': label, properties: { code: { type: 'string', 'x-unique': true } } },
    });
    const response = await admin.send('/api/v1/entity-types/tag/publish', {
      method: 'POST',
      json: { force: true },
    });
    expect(response.status).toBe(409);
    expect((await admin.send('/api/v1/entity-types/tag')).body).toMatchObject({ published: { version: 1 } });
  });

  it('brings the indexes of published types in line with this release at start, and only then', async () => {
    await publishType(
      admin,
      'gauge',
      meter({ properties: { ...meter().properties, note: { type: 'string', 'x-index': 'trigram' } } }),
    );
    const wanted = await indexesOfType('gauge');
    expect(wanted).toHaveLength(3);
    // What an older release left: one declared index missing, one it no longer declares.
    const db = server.tramit.db;
    await db.raw(`drop index "${wanted[0]}"`);
    await db.raw(
      `create index "ent_gauge_note_tri_0000000000" on records using gist ((data->>'note') gist_trgm_ops) where type = 'gauge' and deleted_at is null`,
    );
    await db('entity_types')
      .where({ name: 'gauge' })
      .update({ indexes: [...wanted.slice(1), 'ent_gauge_note_tri_0000000000'] });

    expect(await server.tramit.entities.types.syncIndexes()).toEqual(['gauge']);
    expect(await indexesOfType('gauge')).toEqual(wanted);
    const stored = await db('entity_types').where({ name: 'gauge' }).first('indexes');
    expect([...(stored.indexes as string[])].sort()).toEqual(wanted);
    expect(await server.tramit.entities.types.syncIndexes()).toEqual([]);
  });
});
