import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { errorHandler } from '../../http/error-handler.js';
import { SecureRouter } from '../../http/secure-router.js';
import { createLogger } from '../../infra/logging/logger.js';
import { definitionRoutes } from './definition-routes.js';
import { schemaKind } from './definition-kind.js';
import { DefinitionStore } from './definition-store.js';

const noteSchema = {
  type: 'object',
  required: ['id', 'title', 'size'],
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    title: { type: 'object', properties: { en: { type: 'string' } } },
    size: { type: 'integer', minimum: 1 },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

const noteKind = schemaKind<{ size: number; tags?: string[] }>('test-note', noteSchema, (note) =>
  (note.tags ?? []).flatMap((tag, i) =>
    tag === 'forbidden' ? [{ path: `/tags/${i}`, message: 'is forbidden' }] : [],
  ),
);

let server: TestServer;
let store: DefinitionStore;
let http: Server;
let base: string;
const published: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  store = new DefinitionStore(server.tramit.db);
  store.register(noteKind);
  store.onPublish((kind, id, version) => published.push(`${kind}/${id}@${version}`));
  const app = express();
  app.use(express.json());
  const router = new SecureRouter(() => (_req, _res, next) => next());
  definitionRoutes(router, store, {
    kind: 'test-note',
    basePath: '/notes',
    read: 'rules.read',
    write: 'rules.write',
  });
  app.use(router.router);
  app.use(errorHandler(createLogger('silent')));
  http = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => http.once('listening', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/notes`;
});
afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
  await server.close();
});

const note = (id: string, size: number, extra: object = {}) => ({
  id,
  title: { en: `Note ${id}` },
  size,
  ...extra,
});

async function rowCounts(id: string) {
  const db = server.tramit.db;
  const count = async (table: string) =>
    Number((await db(table).where({ kind: 'test-note', id }).count({ n: '*' }))[0]!.n);
  const audit = Number(
    (await db('audit_log').where({ entity_type: 'test-note', entity_id: id }).count({ n: '*' }))[0]!.n,
  );
  return {
    definitions: await count('definitions'),
    versions: await count('definition_versions'),
    audit,
    draft: await store.getDraft('test-note', id),
  };
}

describe('draft → publish → versions', () => {
  it('publishes a draft as version 1, then 2; identical content makes no new version', async () => {
    expect((await request(`${base}/a/draft`, { method: 'PUT', json: note('a', 1) })).status).toBe(200);
    expect((await request(`${base}/a/publish`, { method: 'POST' })).body).toEqual({
      version: 1,
      created: true,
    });
    await request(`${base}/a/draft`, { method: 'PUT', json: note('a', 2) });
    expect((await request(`${base}/a/publish`, { method: 'POST' })).body).toEqual({
      version: 2,
      created: true,
    });
    await request(`${base}/a/draft`, { method: 'PUT', json: { size: 2, title: { en: 'Note a' }, id: 'a' } });
    const again = await request(`${base}/a/publish`, { method: 'POST' });
    expect(again).toMatchObject({ status: 201, body: { version: 2, created: false } });
    expect(published).toEqual(['test-note/a@1', 'test-note/a@2']);

    const detail = await request(`${base}/a`);
    expect(detail.body).toMatchObject({
      id: 'a',
      draft: null,
      published: { version: 2, content: note('a', 2) },
      versions: [{ version: 1 }, { version: 2 }],
    });
    expect((await request(`${base}/a/versions/1`)).body).toMatchObject({ version: 1, content: note('a', 1) });
    expect((await store.get('test-note', 'a', 1))?.content).toEqual(note('a', 1));
    expect((await rowCounts('a')).audit).toBe(2);
  });

  it('lists every definition with its latest version, draft flag and title', async () => {
    await store.saveDraft('test-note', 'b', note('b', 5));
    const items = (await request<{ items: unknown[] }>(base)).body.items;
    expect(items).toEqual([
      expect.objectContaining({ id: 'a', version: 2, hasDraft: false, title: { en: 'Note a' } }),
      expect.objectContaining({ id: 'b', version: null, hasDraft: true, title: { en: 'Note b' } }),
    ]);
  });

  it('discards a draft: a never-published definition disappears', async () => {
    expect((await request(`${base}/b/draft`, { method: 'DELETE' })).status).toBe(204);
    expect((await request(`${base}/b`)).status).toBe(404);
    expect((await request(`${base}/b/draft`, { method: 'DELETE' })).status).toBe(404);
  });
});

describe('bad input is a 4xx naming the path and changes nothing', () => {
  const cases: [string, string, unknown, number, { path: string }[]][] = [
    ['missing field', 'c', { id: 'c', title: {} }, 422, [{ path: '/size' }]],
    ['wrong type', 'c', note('c', 0), 422, [{ path: '/size' }]],
    ['unknown field', 'c', note('c', 1, { colour: 'red' }), 422, [{ path: '/colour' }]],
    ['failing the kind check', 'c', note('c', 1, { tags: ['ok', 'forbidden'] }), 422, [{ path: '/tags/1' }]],
    ['id differing from the address', 'c', note('other', 1), 422, [{ path: '/id' }]],
    ['invalid id', 'Bad Id!', note('Bad Id!', 1), 400, [{ path: '/id' }]],
  ];
  it.each(cases)('%s', async (_what, id, body, status, errors) => {
    const before = await rowCounts(id);
    const response = await request(`${base}/${encodeURIComponent(id)}/draft`, { method: 'PUT', json: body });
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.errors).toEqual(errors.map((e) => expect.objectContaining(e)));
    expect(await rowCounts(id)).toEqual(before);
  });

  it('publishing with nothing drafted is a 404, a bad version number a 400', async () => {
    expect((await request(`${base}/nothing/publish`, { method: 'POST' })).status).toBe(404);
    expect((await request(`${base}/a/versions/zero`)).status).toBe(400);
    expect((await request(`${base}/a/versions/9`)).status).toBe(404);
  });
});

describe('loadFolder', () => {
  it('publishes new and changed shipped files, skips unchanged ones, keeps an admin version', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tramit-defs-'));
    try {
      await writeFile(path.join(dir, 'shipped.json'), JSON.stringify(note('shipped', 1)));
      await store.loadFolder('test-note', dir);
      await store.loadFolder('test-note', dir);
      expect(await store.versions('test-note', 'shipped')).toEqual([
        expect.objectContaining({ version: 1, publishedBy: 'shipped:' + path.basename(dir) }),
      ]);

      await store.saveDraft('test-note', 'shipped', note('shipped', 7));
      await store.publish('test-note', 'shipped');
      await store.loadFolder('test-note', dir);
      expect((await store.get('test-note', 'shipped'))?.version).toBe(2);

      await writeFile(path.join(dir, 'shipped.json'), JSON.stringify(note('shipped', 3)));
      await store.loadFolder('test-note', dir);
      expect(await store.get('test-note', 'shipped')).toMatchObject({
        version: 3,
        content: note('shipped', 3),
      });

      await writeFile(path.join(dir, 'shipped.json'), JSON.stringify(note('shipped', 4)));
      await writeFile(path.join(dir, 'broken.json'), JSON.stringify({ id: 'broken', title: {} }));
      await expect(store.loadFolder('test-note', dir)).rejects.toThrow(
        /broken\.json: invalid test-note: \/size is required$/,
      );
      expect(await rowCounts('broken')).toMatchObject({ definitions: 0, versions: 0 });
      expect((await store.get('test-note', 'shipped'))?.version).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
