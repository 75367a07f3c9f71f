import type { Request } from 'express';
import type { Knex } from 'knex';
import type { SecureRouter } from '../../http/secure-router.js';
import { sendAnswer, type Idempotency } from '../idempotency/idempotency.js';
import type { EntityStore } from './entity-store.js';
import type { StoredRecord } from './record-rows.js';
import { etagOf, ifMatchVersion } from './etag.js';
import { exportRoute } from './export-routes.js';
import { parseListQuery } from './list-query.js';
import { openApiDocument } from './openapi-document.js';
import type { PublishedType } from './published-type.js';
import { recordHistory } from './record-history.js';
import { recordNotFound } from './record-problems.js';
import { recordView, selectedFields } from './record-view.js';
import { accessOf } from './request-access.js';

const param = (req: Request, name: string) => String(req.params[name]);

/** The generated REST API of every published type, and the OpenAPI document describing it. */
export function entityRoutes(
  router: SecureRouter,
  store: EntityStore,
  db: Knex,
  options: { exportMaxRows: number; idempotency: Idempotency },
): void {
  const base = '/api/v1/entities/:type';

  router.get('/api/v1/openapi.json', 'authenticated', async (_req, res) => {
    const names = await store.types.publishedNames();
    const types = (await Promise.all(names.map((name) => store.types.published(name)))).filter(
      (t): t is PublishedType => t !== undefined,
    );
    res.json(openApiDocument(types));
  });

  router.get(base, 'entities.read', async (req, res) => {
    const type = await store.types.require(param(req, 'type'));
    const access = await accessOf(req, db);
    const query = parseListQuery(req.query as Record<string, unknown>);
    const fields = selectedFields(type.doc, query.fields, access.roles);
    const page = await store.list(type.name, query, access);
    await store.auditReads(
      type,
      page.items.map((r) => r.id),
    );
    res.json({
      items: page.items.map((r) => recordView(r, type.doc, access.roles, fields)),
      nextCursor: page.nextCursor,
    });
  });

  router.post(base, 'entities.write', async (req, res) => {
    const outcome = await options.idempotency.execute(req, async (recordAs) => {
      const type = await store.types.require(param(req, 'type'));
      const access = await accessOf(req, db);
      const answerOf = (record: StoredRecord) => ({
        status: 201,
        headers: {
          ETag: etagOf(record.version),
          Location: `/api/v1/entities/${type.name}/${record.id}`,
        },
        body: recordView(record, type.doc, access.roles),
      });
      return answerOf(
        await store.create(type.name, req.body, { ...access, beforeCommit: recordAs(answerOf) }),
      );
    });
    sendAnswer(res, outcome);
  });

  exportRoute(router, store, db, options.exportMaxRows);

  router.get(`${base}/:id`, 'entities.read', async (req, res) => {
    const type = await store.types.require(param(req, 'type'));
    const access = await accessOf(req, db);
    const fields = selectedFields(
      type.doc,
      typeof req.query.fields === 'string' ? req.query.fields.split(',').filter(Boolean) : undefined,
      access.roles,
    );
    const record = await store.get(type.name, param(req, 'id'));
    if (!record) throw recordNotFound(type.name, param(req, 'id'));
    await store.auditReads(type, [record.id]);
    res.setHeader('ETag', etagOf(record.version)).json(recordView(record, type.doc, access.roles, fields));
  });

  router.patch(`${base}/:id`, 'entities.write', async (req, res) => {
    const type = await store.types.require(param(req, 'type'));
    const access = await accessOf(req, db);
    const ifMatch = ifMatchVersion(req.get('if-match'));
    const record = await store.patch(type.name, param(req, 'id'), req.body, {
      ...access,
      ...(ifMatch === undefined ? {} : { ifMatch }),
    });
    res.setHeader('ETag', etagOf(record.version)).json(recordView(record, type.doc, access.roles));
  });

  router.delete(`${base}/:id`, 'entities.write', async (req, res) => {
    const type = await store.types.require(param(req, 'type'));
    const ifMatch = ifMatchVersion(req.get('if-match'));
    await store.delete(type.name, param(req, 'id'), {
      ...(await accessOf(req, db)),
      ...(ifMatch === undefined ? {} : { ifMatch }),
    });
    res.status(204).end();
  });

  router.get(`${base}/:id/history`, 'entities.read', async (req, res) => {
    const type = await store.types.require(param(req, 'type'));
    const access = await accessOf(req, db);
    const id = param(req, 'id');
    const history = await recordHistory(db, type.name, id, type.doc, access.roles);
    if (history.length === 0 && !(await store.get(type.name, id))) throw recordNotFound(type.name, id);
    res.json({ items: history });
  });
}
