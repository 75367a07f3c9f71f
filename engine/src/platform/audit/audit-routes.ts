import { z } from 'zod';
import type { Db } from '../../infra/db/create-knex.js';
import { notFound } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';
import { listAudit, maxAuditPage } from './list-audit.js';
import type { ReadAuditQueue } from './read-audit-queue.js';
import { auditHeadFormat, parseAuditHead, type AuditHead } from './audit-witness.js';
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
const verifyQuery = z
  .object({
    expectHead: z
      .string()
      .transform((text, ctx): AuditHead => {
        const head = parseAuditHead(text);
        if (head) return head;
        ctx.addIssue({ code: 'custom', message: `expectHead must be ${auditHeadFormat}` });
        return z.NEVER;
      })
      .optional(),
  })
  .strict();
const personId = z.uuid();

/** The audit as its readers see it: every read queued so far is written before they look. */
export function auditRoutes(r: SecureRouter, deps: { db: Db; readAudit: ReadAuditQueue }): void {
  r.get('/api/v1/audit/verify', 'audit.read', async (req, res) => {
    const { expectHead } = parseInput(verifyQuery, req.query, 'query');
    await deps.readAudit.flush();
    res.json(await verifyAudit(deps.db, expectHead ? { expectHead } : {}));
  });

  r.get('/api/v1/audit', 'audit.read', async (req, res) => {
    const query = parseInput(auditSearch, req.query, 'query');
    await deps.readAudit.flush();
    res.json(await listAudit(deps.db, query));
  });

  r.get('/api/v1/entities/person/:id/audit', 'audit.read', async (req, res) => {
    const query = parseInput(trailQuery, req.query, 'query');
    const id = String(req.params.id);
    const exists =
      personId.safeParse(id).success && (await deps.db('records').where({ id, type: 'person' }).first('id'));
    if (!exists) throw notFound(`There is no person with id "${id}".`);
    await deps.readAudit.flush();
    const page = await listAudit(deps.db, { person: id, ...query });
    await deps.readAudit.add([{ action: 'read', entityType: 'person-audit-trail', entityId: id }]);
    res.json(page);
  });
}
