import type { Knex } from 'knex';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { keyParam } from './inputs.js';
import { handle, parseRequest } from './problems.js';
import { keyOf } from './row-values.js';
import { runSearch } from './search/run-search.js';
import { loadTaskForAccess } from './user-task-access.js';
import { fullVariableQuery, truncatedVariableQuery } from './variable-query.js';
import { hideSensitiveValues } from './sensitive-variable-sql.js';
import { searchQuery } from './variable-routes.js';
import { assertInstanceVisible, maskSensitive, variableViewFor } from './variable-visibility.js';

/** The scopes whose variables a task sees: its element instance up to its process instance. */
async function scopeChain(
  db: Knex,
  processInstanceKey: string,
  elementInstanceKey: string,
): Promise<string[]> {
  const rows = (await db('element_instances')
    .where({ process_instance_key: processInstanceKey })
    .select('key', 'flow_scope_key')) as Record<string, unknown>[];
  const parents = new Map(rows.map((row) => [keyOf(row.key), keyOf(row.flow_scope_key)]));
  const chain: string[] = [];
  for (
    let key: string | undefined = elementInstanceKey;
    key && !chain.includes(key);
    key = parents.get(key)
  ) {
    chain.push(key);
    if (key === processInstanceKey) break;
  }
  if (!chain.includes(processInstanceKey)) chain.push(processInstanceKey);
  return chain;
}

/**
 * `POST /v2/user-tasks/{key}/variables/search`: the variables the task sees. Readable by whoever may
 * read its instance's variables; its assignee reads the sensitive ones in clear too.
 */
export function userTaskVariableRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/user-tasks/:userTaskKey/variables/search',
    'tasks.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'userTaskKey');
      const { truncateValues } = parseRequest(searchQuery, req.query, 'query string');
      const task = await loadTaskForAccess(deps.db, key);
      const view = await variableViewFor(deps, req.principal!);
      await assertInstanceVisible(deps.db, view, task.processInstanceKey);
      const scopes = await scopeChain(deps.db, task.processInstanceKey, task.elementInstanceKey);
      const base = truncateValues === 'false' ? fullVariableQuery : truncatedVariableQuery;
      const principal = req.principal!;
      const clear = view.readsSensitive || (principal.kind === 'user' && task.assignee === principal.name);
      const inScope = { ...base, from: (db: Knex) => base.from(db).whereIn('v.scope_key', scopes) };
      const found = await runSearch(deps.db, hideSensitiveValues(inScope, view, clear), req.body);
      res.json({
        ...found,
        items: await maskSensitive(deps.db, view, found.items, clear),
      });
    }),
  );
}
