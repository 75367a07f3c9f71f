import type { EntityStore } from '../../platform/entities/entity-store.js';
import type { Logger } from '../../infra/logging/logger.js';
import { startJobWorker, type ProcessEngine } from '../../process-engine/index.js';
import { isUuid } from '../../platform/rules/record-facts.js';

export const caseUpdateTaskType = 'tramit:case-update';

const stampOf: Record<string, string> = { resolved: 'resolvedAt', closed: 'closedAt' };

/** The merge patch a case-update task applies: `casePatch` (nulls dropped), the `status` header and its time stamp. */
export function casePatchOf(
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  now: Date,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const given = variables.casePatch;
  if (given !== null && typeof given === 'object' && !Array.isArray(given)) {
    for (const [key, value] of Object.entries(given))
      if (value !== null && value !== undefined) patch[key] = value;
  }
  const status = headers.status;
  if (status) {
    patch.status = status;
    const stamp = stampOf[status];
    if (stamp) patch[stamp] = now.toISOString();
  }
  return patch;
}

/**
 * The built-in worker of service tasks with type `tramit:case-update`: patches the case named by
 * the variable `caseId` through the entity store (so SLA clocks and alerts follow, and it is audited).
 */
export function startCaseUpdateWorker(
  engine: ProcessEngine,
  entities: EntityStore,
  logger: Logger,
): { stop(): Promise<void> } {
  return startJobWorker(
    engine,
    caseUpdateTaskType,
    async (job) => {
      const caseId = job.variables.caseId;
      if (!isUuid(caseId)) throw new Error(`the variable caseId is not a case id (task ${job.elementId})`);
      const patch = casePatchOf(job.variables, job.customHeaders, new Date());
      if (Object.keys(patch).length === 0) return {};
      const updated = await entities.patch('case', caseId, patch);
      return { caseStatus: updated.data.status ?? null };
    },
    logger,
  );
}
