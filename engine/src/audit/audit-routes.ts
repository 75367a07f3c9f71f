import { z } from 'zod';
import type { Db } from '../db/create-knex.js';
import { notFound } from '../http/problem.js';
import type { SecureRouter } from '../http/secure-router.js';
import { parseInput } from '../http/validate.js';
import { appendAudit } from './append-audit.js';
import { listAudit, maxAuditPage } from './list-audit.js';
import { verifyAudit } from './verify-audit.js';

const text = z.string().min(1).max(200);
const page = {
  limit: z.coerce.number().int().min(1).max(maxAuditPage).default(50),
  cursor: z.string().min(1).max(100).optional(),
};
const auditSearch = z
  .object({
    entityType: text.optional(),
    entityId: text.optional(),
    subjectPersonId: text.optional(),
    actorKind: z.enum(['user', 'client', 'engine']).optional(),
    actorId: text.optional(),
    action: text.optional(),
    channel: z.enum(['ui', 'api', 'integration', 'engine']).optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    ...page,
  })
  .strict();
const trailQuery = z.object(page).strict();
const personId = z.uuid();

export function auditRoutes(r: SecureRouter, deps: { db: Db }): void {
  r.get('/api/v1/audit/verify', 'audit.read', async (_req, res) => {
    res.json(await verifyAudit(deps.db));
  });

  r.get('/api/v1/audit', 'audit.read', async (req, res) => {
    res.json(await listAudit(deps.db, parseInput(auditSearch, req.query, 'query')));
  });

  r.get('/api/v1/entities/person/:id/audit', 'audit.read', async (req, res) => {
    const query = parseInput(trailQuery, req.query, 'query');
    const id = String(req.params.id);
    const exists =
      personId.safeParse(id).success && (await deps.db('records').where({ id, type: 'person' }).first('id'));
    if (!exists) throw notFound(`There is no person with id "${id}".`);
    const page = await listAudit(deps.db, { person: id, ...query });
    await appendAudit(deps.db, [{ action: 'read', entityType: 'person-audit-trail', entityId: id }]);
    res.json(page);
  });
}
