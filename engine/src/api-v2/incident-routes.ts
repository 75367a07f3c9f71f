import { z } from 'zod';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { incidentQuery } from './incident-query.js';
import { keyParam, optionalBody } from './inputs.js';
import { handle, parseRequest, rejection } from './problems.js';
import { findByKey } from './search/find-by-key.js';
import { runSearch } from './search/run-search.js';

const resolutionRequest = z.strictObject({ operationReference: z.int().min(1).optional() });

export function incidentRoutes(r: SecureRouter, deps: ApiDeps): void {
  r.post(
    '/v2/incidents/search',
    'processes.read',
    handle(async (req, res) => {
      res.json(await runSearch(deps.db, incidentQuery, req.body));
    }),
  );

  r.get(
    '/v2/incidents/:incidentKey',
    'processes.read',
    handle(async (req, res) => {
      const key = keyParam(req, 'incidentKey');
      const incident = await findByKey(deps.db, incidentQuery, key);
      if (!incident) throw rejection('NOT_FOUND', `Incident with key '${key}' not found`);
      res.json(incident);
    }),
  );

  r.post(
    '/v2/incidents/:incidentKey/resolution',
    'incidents.resolve',
    handle(async (req, res) => {
      const key = keyParam(req, 'incidentKey');
      parseRequest(resolutionRequest, optionalBody(req));
      await deps.engine.resolveIncident(key);
      res.status(204).end();
    }),
  );
}
