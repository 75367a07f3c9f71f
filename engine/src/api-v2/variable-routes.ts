import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { keyParam } from './inputs.js';
import { handle, parseRequest, rejection } from './problems.js';
import { findByKey } from './search/find-by-key.js';
import { runSearch } from './search/run-search.js';
import { fullVariableQuery, truncatedVariableQuery } from './variable-query.js';

const searchQuery = z.strictObject({ truncateValues: z.enum(['true', 'false']).optional() });

export function variableRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/variables/search',
    'processes.read',
    handle(async (req, res) => {
      const { truncateValues } = parseRequest(searchQuery, req.query, 'query string');
      const spec = truncateValues === 'false' ? fullVariableQuery : truncatedVariableQuery;
      res.json(await runSearch(deps.db, spec, req.body));
    }),
  );

  r.get(
    '/v2/variables/:variableKey',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'variableKey');
      const variable = await findByKey(deps.db, fullVariableQuery, key);
      if (!variable) throw rejection('NOT_FOUND', `Variable with key '${key}' not found`);
      const { isTruncated: _isTruncated, ...rest } = variable;
      res.json(rest);
    }),
  );
}
