import { z } from 'zod';
import { notFound } from '../infra/errors/app-error.js';
import type { SecureRouter } from '../http/secure-router.js';
import { parseInput } from '../http/validate.js';
import type { ApiDeps } from './api-deps.js';
import { instanceHistory } from './instance-history-query.js';
import { longKey } from './inputs.js';

const digits = z.string().regex(/^\d{1,19}$/, 'expected a whole number');
const pageQuery = z.strictObject({
  after: digits.optional(),
  limit: digits.transform(Number).pipe(z.int().min(1).max(1000, 'at most 1000 entries per page')).optional(),
});

/**
 * Tramit's own `GET /api/v1/process-instances/{key}/history`: who did what to an instance and
 * when, with the request that did it. Pages follow `page.next` (`?after=`) until it is null.
 */
export function instanceHistoryRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.get('/api/v1/process-instances/:processInstanceKey/history', 'processes.read', async (req, res) => {
    const key = parseInput(longKey, req.params.processInstanceKey, 'process instance key');
    const query = parseInput(pageQuery, req.query, 'query string');
    const limit = query.limit ?? 100;
    if (!(await deps.db('process_instances').where({ key }).first('key'))) {
      throw notFound(`Process instance ${key} does not exist.`);
    }
    const items = await instanceHistory(deps.db, key, { after: query.after, limit });
    const last = items[items.length - 1];
    res.json({ items, page: { limit, next: items.length === limit && last ? last.id : null } });
  });
}
