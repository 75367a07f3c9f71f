import type { HttpModule } from '../http/http-module.js';
import type { SecureRouter } from '../http/secure-router.js';
import type { ApiDeps } from './api-deps.js';
import { deploymentRoutes } from './deployment-routes.js';
import { elementInstanceRoutes } from './element-instance-routes.js';
import { incidentRoutes } from './incident-routes.js';
import { instanceHistoryRoutes } from './instance-history-routes.js';
import { jobRoutes } from './job-routes.js';
import { messageRoutes } from './message-routes.js';
import { processDefinitionRoutes } from './process-definition-routes.js';
import { processInstanceRoutes } from './process-instance-routes.js';
import { topologyRoutes } from './topology-routes.js';
import { userTaskRoutes } from './user-task-routes.js';
import { userTaskVariableRoutes } from './user-task-variable-routes.js';
import { variableRoutes } from './variable-routes.js';
import { limitVariables } from './variable-limits.js';

/**
 * The Camunda 8 orchestration cluster REST API (v2), as Camunda's OpenAPI and official SDK define it,
 * over Tramit's engine: keys are int64 strings, dates ISO 8601, errors RFC 9457 with Camunda's
 * rejection type as the title. Plus Tramit's own instance history.
 */
export function v2Routes(r: SecureRouter, deps: ApiDeps): void {
  r.router.use('/v2', limitVariables(deps.limits));
  deploymentRoutes(r, deps);
  processDefinitionRoutes(r, deps);
  processInstanceRoutes(r, deps);
  elementInstanceRoutes(r, deps);
  variableRoutes(r, deps);
  jobRoutes(r, deps);
  userTaskRoutes(r, deps);
  userTaskVariableRoutes(r, deps);
  messageRoutes(r, deps);
  incidentRoutes(r, deps);
  topologyRoutes(r);
  instanceHistoryRoutes(r, deps);
}

declare module '../infra/module/tramit-module.js' {
  interface Services {
    'api-v2': void;
  }
}

/** The `/v2` routes over the engine. */
export function apiV2Module(): HttpModule<'api-v2'> {
  return {
    name: 'api-v2',
    dependsOn: ['process-engine', 'idempotency'],
    init() {},
    routes(router, { config, db, get }) {
      v2Routes(router, {
        engine: get('process-engine'),
        db,
        idempotency: get('idempotency'),
        sensitiveVariables: config.sensitiveVariables,
        limits: config.limits,
      });
    },
  };
}
