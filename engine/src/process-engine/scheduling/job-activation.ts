import { transactionScript } from '../../infra/db/pipelined-pg-client.js';
import { toPgArray } from '../../infra/db/pg-array.js';
import { execute, type PreparedSql } from '../../infra/db/prepared-script.js';
import { instanceScopes, visibleVariables } from '../store/visible-variables.js';
import type { EngineContext } from '../types.js';

export interface ActivatedJob {
  jobKey: string;
  type: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  elementId: string;
  elementInstanceKey: string;
  customHeaders: Record<string, string>;
  worker: string;
  retries: number;
  deadline: number;
  variables: Record<string, unknown>;
  tenantId: string;
}

export interface ActivateJobsRequest {
  type: string;
  worker: string;
  maxJobsToActivate: number;
  /** How long the worker holds the jobs (ms); after that they can be activated again. */
  timeout: number;
  fetchVariable?: string[];
  /** Long polling: wait up to this long (ms) for jobs when none are there. 0 = answer at once. */
  requestTimeout?: number;
}

// One statement claims the jobs and reads what the workers get with them: the live scopes and the
// variables of each job's instance (merged along the job's scope chain here).
const claimSql = (onlySomeVariables: boolean) => `
  with picked as (
    select key from jobs
     where type = ? and (
       (state in ('CREATED', 'FAILED') and available_at <= ?) or (state = 'ACTIVATED' and deadline < ?))
     order by available_at, key
     limit ?
     for update skip locked),
  claimed as (
    update jobs set state = 'ACTIVATED', worker = ?, deadline = ?
      from picked where jobs.key = picked.key
    returning jobs.key, jobs.type, jobs.process_instance_key, jobs.process_definition_key, jobs.bpmn_process_id,
      jobs.process_definition_version, jobs.element_id, jobs.element_instance_key, jobs.custom_headers,
      jobs.retries, jobs.tenant_id)
  select c.key::text as key, c.type, c.process_instance_key::text as process_instance_key,
    c.process_definition_key::text as process_definition_key, c.bpmn_process_id, c.process_definition_version,
    c.element_id, c.element_instance_key::text as element_instance_key, c.custom_headers, c.retries, c.tenant_id,
    coalesce((select json_agg(json_build_array(e.key::text, e.flow_scope_key::text)) from element_instances e
       where e.process_instance_key = c.process_instance_key and e.state = 'ACTIVE'), '[]') as scopes,
    coalesce((select json_agg(json_build_array(v.scope_key::text, v.name, v.value)) from variables v
       where v.process_instance_key = c.process_instance_key
       ${onlySomeVariables ? 'and v.name = any(?::text[])' : ''}), '[]') as variables
  from claimed c`;

const claimAll: PreparedSql = { name: 'engine_claim_jobs', sql: claimSql(false) };
const claimSome: PreparedSql = { name: 'engine_claim_jobs_some_variables', sql: claimSql(true) };

interface ClaimedRow {
  key: string;
  type: string;
  process_instance_key: string;
  process_definition_key: string;
  bpmn_process_id: string;
  process_definition_version: number;
  element_id: string;
  element_instance_key: string;
  custom_headers: Record<string, string> | null;
  retries: number;
  tenant_id: string;
  scopes: [string, string][];
  variables: [string, string, unknown][];
}

/**
 * Claims activatable jobs (created, retry back-off elapsed, or lease expired) without blocking other
 * workers. The lease is committed without waiting for the disk: if the database loses it in a crash,
 * the job is simply activatable again, as when a lease expires.
 */
async function claim(ctx: EngineContext, request: ActivateJobsRequest): Promise<ActivatedJob[]> {
  const now = ctx.now();
  const deadline = new Date(now.getTime() + request.timeout);
  const only = request.fetchVariable && request.fetchVariable.length > 0 ? request.fetchVariable : undefined;
  const values = [request.type, now, now, request.maxJobsToActivate, request.worker, deadline];
  if (only) values.push(toPgArray(only));
  const [result] = await transactionScript(ctx.db, [execute(only ? claimSome : claimAll, values)], {
    durable: false,
  });
  const rows = result!.rows as unknown as ClaimedRow[];
  const parse = <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  return rows.map((r) => ({
    jobKey: r.key,
    type: r.type,
    processInstanceKey: r.process_instance_key,
    processDefinitionKey: r.process_definition_key,
    bpmnProcessId: r.bpmn_process_id,
    processDefinitionVersion: r.process_definition_version,
    elementId: r.element_id,
    elementInstanceKey: r.element_instance_key,
    customHeaders: parse<Record<string, string> | null>(r.custom_headers) ?? {},
    worker: request.worker,
    retries: r.retries,
    deadline: deadline.getTime(),
    variables: visibleVariables(
      instanceScopes(parse(r.scopes), parse(r.variables)),
      r.process_instance_key,
      r.element_instance_key,
    ),
    tenantId: r.tenant_id,
  }));
}

/** Activates up to `maxJobsToActivate` jobs; with a request timeout, waits for jobs to appear (woken by NOTIFY). */
export async function activateJobs(
  ctx: EngineContext,
  request: ActivateJobsRequest,
): Promise<ActivatedJob[]> {
  const until = Date.now() + (request.requestTimeout ?? 0);
  for (;;) {
    const jobs = await claim(ctx, request);
    const left = until - Date.now();
    if (jobs.length > 0 || left <= 0) return jobs;
    await new Promise<void>((resolve) => {
      const stop = ctx.notifier.on('engine_jobs', (type) => {
        if (type === request.type) done();
      });
      const timer = setTimeout(done, Math.min(left, 1_000));
      function done() {
        stop();
        clearTimeout(timer);
        resolve();
      }
    });
  }
}
