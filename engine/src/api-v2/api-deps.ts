import type { Limits } from '../infra/config/config.js';
import type { Db } from '../infra/db/create-knex.js';
import type { Idempotency } from '../platform/idempotency/idempotency.js';
import type { ProcessEngine } from '../process-engine/index.js';

/** What the Camunda-compatible API needs: the engine for commands, the database for searches. */
export interface ApiDeps {
  engine: ProcessEngine;
  db: Db;
  /** Creating requests answered once per `Idempotency-Key`. */
  idempotency: Idempotency;
  /** `TRAMIT_SENSITIVE_VARIABLES`: names or patterns masked for roles that may not read them. */
  sensitiveVariables: readonly string[];
  /** Variables per request, deployments in memory at once. */
  limits: Pick<
    Limits,
    'variablesMaxCount' | 'variablesMaxBytes' | 'deploymentMemoryBytes' | 'deploymentQueueMs'
  >;
}
