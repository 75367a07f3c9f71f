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
/** Whether a record is an audit subject (its type has `x-subject: "self"`); the entities module answers. */
export type IsSubject = (type: string, id: string) => Promise<boolean>;

/** The audit as its readers see it: every read queued so far is written before they look. */
export function auditRoutes(
  r: SecureRouter,
  deps: { db: Db; readAudit: ReadAuditQueue; isSubject: IsSubject },
): void {
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

  // The audit trail of a subject (e.g. /api/v1/entities/person/{id}/audit): the entries on the
  // record and on every record whose subject it is.
  r.get('/api/v1/entities/:type/:id/audit', 'audit.read', async (req, res) => {
    const query = parseInput(trailQuery, req.query, 'query');
    const type = String(req.params.type);
    const id = String(req.params.id);
    if (!(await deps.isSubject(type, id))) throw notFound(`There is no ${type} with id "${id}".`);
    await deps.readAudit.flush();
    const page = await listAudit(deps.db, { subject: { type, id }, ...query });
    await deps.readAudit.add([{ action: 'read', entityType: `${type}-audit-trail`, entityId: id }]);
    res.json(page);
  });
}
