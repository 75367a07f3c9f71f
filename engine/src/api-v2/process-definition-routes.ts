import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { elementStatistics } from './element-statistics-query.js';
import { keyParam, optionalBody } from './inputs.js';
import { processDefinitionQuery } from './process-definition-query.js';
import { processInstanceQuery } from './process-instance-query.js';
import { handle, parseRequest, rejection } from './problems.js';
import { filterSchema } from './search/filter-fields.js';
import { findByKey } from './search/find-by-key.js';
import { runSearch } from './search/run-search.js';

const statisticsRequest = z.strictObject({ filter: filterSchema(processInstanceQuery.filters).optional() });

const notFound = (key: string) => rejection('NOT_FOUND', `Process definition with key '${key}' not found`);

export function processDefinitionRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/process-definitions/search',
    'processes.read',
    handle(async (req, res) => {
      res.json(await runSearch(deps.db, processDefinitionQuery, req.body));
    }),
  );

  r.get(
    '/v2/process-definitions/:processDefinitionKey',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'processDefinitionKey');
      const definition = await findByKey(deps.db, processDefinitionQuery, key);
      if (!definition) throw notFound(key);
      res.json(definition);
    }),
  );

  r.get(
    '/v2/process-definitions/:processDefinitionKey/xml',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'processDefinitionKey');
      const row = (await deps.db('process_definitions').where({ key }).first('xml')) as
        { xml: string } | undefined;
      if (!row) throw notFound(key);
      res.type('text/xml; charset=utf-8').send(row.xml);
    }),
  );

  r.post(
    '/v2/process-definitions/:processDefinitionKey/statistics/element-instances',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'processDefinitionKey');
      const { filter } = parseRequest(statisticsRequest, optionalBody(req), 'statistics request');
      if (!(await deps.db('process_definitions').where({ key }).first('key'))) throw notFound(key);
      res.json({ items: await elementStatistics(deps.db, key, filter ?? {}) });
    }),
  );
}
