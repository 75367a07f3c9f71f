import { z } from 'zod';
import { notFound } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { parseInput } from '../../http/validate.js';
import { assertProcessId, type ProcessDraftStore } from './process-draft-store.js';

const saveBody = z.strictObject({
  xml: z.unknown(),
  revision: z.int().min(0).optional(),
});

/**
 * `/api/v1/process-drafts`: the designer's working copies. `PUT {id}` with `{ xml, revision? }`
 * saves (409 when `revision` is stale); deploying goes through `POST /v2/deployments`.
 */
export function processDraftRoutes(r: SecureRouter, store: ProcessDraftStore): void {
  r.get('/api/v1/process-drafts', 'designer.view', async (_req, res) => {
    res.json({ items: await store.list() });
  });

  r.get('/api/v1/process-drafts/:processId', 'designer.view', async (req, res) => {
    const processId = String(req.params.processId);
    assertProcessId(processId);
    const draft = await store.get(processId);
    if (!draft) throw notFound(`There is no draft of the process "${processId}".`);
    res.json(draft);
  });

  r.put('/api/v1/process-drafts/:processId', 'processes.deploy', async (req, res) => {
    const body = parseInput(saveBody, req.body ?? {});
    res.json(await store.save(String(req.params.processId), body));
  });

  r.delete('/api/v1/process-drafts/:processId', 'processes.deploy', async (req, res) => {
    const processId = String(req.params.processId);
    assertProcessId(processId);
    await store.delete(processId);
    res.status(204).end();
  });
}
