import type { Db } from '../infra/db/create-knex.js';
import type { ProcessEngine } from '../process-engine/process-engine.js';

/** What the Camunda-compatible API needs: the engine for commands, the database for searches. */
export interface ApiDeps {
  engine: ProcessEngine;
  db: Db;
  /** `TRAMIT_SENSITIVE_VARIABLES`: names or patterns masked for roles that may not read them. */
  sensitiveVariables: readonly string[];
}
