import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { keyParam } from './inputs.js';
import { handle, parseRequest, rejection } from './problems.js';
import { findByKey } from './search/find-by-key.js';
import { runSearch } from './search/run-search.js';
import { hideSensitiveValues } from './sensitive-variable-sql.js';
import { fullVariableQuery, truncatedVariableQuery } from './variable-query.js';
import {
  assertInstanceVisible,
  maskSensitive,
  onlyVisibleInstances,
  variableViewFor,
} from './variable-visibility.js';

export const searchQuery = z.strictObject({ truncateValues: z.enum(['true', 'false']).optional() });

/**
 * Variables, as the caller may see them: roles without a view of every instance see those of
 * instances where they have a task; sensitive values are masked for roles that may not read them.
 */
export function variableRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/variables/search',
    'processes.read',
    handle(async (req, res) => {
      const { truncateValues } = parseRequest(searchQuery, req.query, 'query string');
      const spec = truncateValues === 'false' ? fullVariableQuery : truncatedVariableQuery;
      const view = await variableViewFor(deps, req.principal!);
      const visible = hideSensitiveValues(onlyVisibleInstances(spec, view, 'v.process_instance_key'), view);
      const found = await runSearch(deps.db, visible, req.body);
      res.json({ ...found, items: await maskSensitive(deps.db, view, found.items) });
    }),
  );

  r.get(
    '/v2/variables/:variableKey',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'variableKey');
      const variable = await findByKey(deps.db, fullVariableQuery, key);
      if (!variable) throw rejection('NOT_FOUND', `Variable with key '${key}' not found`);
      const view = await variableViewFor(deps, req.principal!);
      await assertInstanceVisible(deps.db, view, variable.processInstanceKey);
      const [shown] = await maskSensitive(deps.db, view, [variable]);
      const { isTruncated: _isTruncated, ...rest } = shown!;
      res.json(rest);
    }),
  );
}
