import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { elementInstanceQuery } from './element-instance-query.js';
import { keyParam } from './inputs.js';
import { handle, rejection } from './problems.js';
import { findByKey } from './search/find-by-key.js';
import { runSearch } from './search/run-search.js';

export function elementInstanceRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/element-instances/search',
    'processes.read',
    handle(async (req, res) => {
      res.json(await runSearch(deps.db, elementInstanceQuery, req.body));
    }),
  );

  r.get(
    '/v2/element-instances/:elementInstanceKey',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'elementInstanceKey');
      const element = await findByKey(deps.db, elementInstanceQuery, key);
      if (!element) throw rejection('NOT_FOUND', `Element instance with key '${key}' not found`);
      res.json(element);
    }),
  );
}
