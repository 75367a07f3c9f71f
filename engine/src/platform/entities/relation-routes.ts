import type { Request } from 'express';
import type { SecureRouter } from '../../http/secure-router.js';
import { badRequest } from '../../infra/errors/app-error.js';
import { sendAnswer, type Idempotency } from '../idempotency/idempotency.js';
import type { LinkInput, RecordRelations, RelationLink } from './record-relations.js';

const param = (req: Request, name: string) => String(req.params[name]);

function query(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw badRequest(`Give ${name} once.`, [{ path: name, message: 'given more than once' }]);
  return value;
}

/** Relations of a record: list (valid now, at a date, or the whole history), link, unlink. */
export function relationRoutes(
  router: SecureRouter,
  relations: RecordRelations,
  idempotency: Idempotency,
): void {
  const base = '/api/v1/entities/:type/:id/relations';

  router.get(base, 'entities.read', async (req, res) => {
    const at = query(req, 'at');
    const items = await relations.list(param(req, 'type'), param(req, 'id'), {
      ...(at ? { at } : {}),
      history: query(req, 'history') === 'true',
      ...(query(req, 'relation') ? { relation: query(req, 'relation')! } : {}),
    });
    res.json({ items });
  });

  router.post(`${base}/:relation`, 'entities.write', async (req, res) => {
    const outcome = await idempotency.execute(req, async (recordAs) => {
      const body = (req.body ?? {}) as LinkInput;
      const answerOf = (link: RelationLink) => ({ status: 201, headers: {}, body: link });
      return answerOf(
        await relations.link(
          param(req, 'type'),
          param(req, 'id'),
          param(req, 'relation'),
          body,
          recordAs(answerOf),
        ),
      );
    });
    sendAnswer(res, outcome);
  });

  router.delete(`${base}/:relation/:linkId`, 'entities.write', async (req, res) => {
    const validTo = query(req, 'validTo');
    res.json(
      await relations.unlink(
        param(req, 'type'),
        param(req, 'id'),
        param(req, 'relation'),
        param(req, 'linkId'),
        validTo,
      ),
    );
  });
}
