import type { Knex } from 'knex';
import type { ActivatedJob, ActivateJobsRequest, ProcessEngine } from '../process-engine/index.js';
import { keyOf } from './row-values.js';

/** Camunda's long-polling default when a request gives no `requestTimeout` (or 0). */
export const defaultLongPollMs = 10_000;
/** How often a long poll checks whether its caller is still there. */
const sliceMs = 1_000;

/**
 * Long polling as Camunda does it: answer as soon as jobs are activated, else when `waitMs` is over.
 * The wait is cut into slices so that a caller who hung up stops claiming jobs it would never receive.
 */
export async function activateWithLongPolling(
  engine: ProcessEngine,
  request: Omit<ActivateJobsRequest, 'requestTimeout'>,
  waitMs: number,
  callerGone: () => boolean,
): Promise<ActivatedJob[]> {
  const until = Date.now() + Math.max(0, waitMs);
  for (;;) {
    const left = until - Date.now();
    const jobs = await engine.activateJobs({
      ...request,
      requestTimeout: Math.max(0, Math.min(left, sliceMs)),
    });
    if (jobs.length > 0 || until - Date.now() <= 0 || callerGone()) return jobs;
  }
}

/** A job as the v2 API activates it. */
export async function toActivatedJobs(db: Knex, jobs: ActivatedJob[]) {
  const instanceKeys = [...new Set(jobs.map((j) => j.processInstanceKey))];
  const roots = new Map<string, string>();
  if (instanceKeys.length > 0) {
    const rows = (await db('process_instances')
      .whereIn('key', instanceKeys)
      .select('key', 'root_process_instance_key')) as { key: unknown; root_process_instance_key: unknown }[];
    for (const row of rows) roots.set(keyOf(row.key), keyOf(row.root_process_instance_key));
  }
  return jobs.map((job) => ({
    jobKey: job.jobKey,
    type: job.type,
    worker: job.worker,
    retries: job.retries,
    deadline: job.deadline,
    variables: job.variables,
    customHeaders: job.customHeaders,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    processDefinitionId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    processInstanceKey: job.processInstanceKey,
    rootProcessInstanceKey: roots.get(job.processInstanceKey) ?? null,
    tenantId: job.tenantId,
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
    userTask: null,
    tags: [],
  }));
}
