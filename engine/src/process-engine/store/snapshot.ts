import type { Knex } from 'knex';
import type { ElementType } from '../../core/bpmn/model.js';
import type {
  ElementInstance,
  ElementState,
  InstanceHeader,
  InstanceSnapshot,
} from '../../core/runtime/state.js';
import type { DefinitionCache } from './definition-cache.js';
import { queryScript } from '../../infra/db/pipelined-pg-client.js';
import { execute, type PreparedSql } from '../../infra/db/prepared-script.js';
import { keyOf, optionalKey } from './rows.js';

export interface InstanceRow {
  key: unknown;
  process_definition_key: unknown;
  bpmn_process_id: string;
  version: number;
  tenant_id: string;
  state: InstanceHeader['status'];
  parent_process_instance_key: unknown;
  parent_element_instance_key: unknown;
  root_process_instance_key: unknown;
  start_date: Date;
  end_date: Date | null;
  start_correlation_key: string | null;
}

interface ElementJson {
  key: string;
  elementId: string;
  elementType: ElementType;
  flowScopeKey: string;
  state: ElementState;
  data: ElementInstance['data'];
  incidentKey: string | null;
  startedAt: string;
}

export function toHeader(row: InstanceRow): InstanceHeader {
  return {
    key: keyOf(row.key),
    processDefinitionKey: keyOf(row.process_definition_key),
    bpmnProcessId: row.bpmn_process_id,
    version: row.version,
    tenantId: row.tenant_id,
    status: row.state,
    parentProcessInstanceKey: optionalKey(row.parent_process_instance_key),
    parentElementInstanceKey: optionalKey(row.parent_element_instance_key),
    rootProcessInstanceKey: keyOf(row.root_process_instance_key),
    startedAt: row.start_date,
    endedAt: row.end_date ?? undefined,
    startCorrelationKey: row.start_correlation_key ?? undefined,
  };
}

// After the lock, one query for the active element instances and the variables of the scopes still
// alive. It must be a statement of its own: in READ COMMITTED a statement sees the data as of its start,
// so sub-selects in the locking statement would miss what the transaction we waited for committed.
// Both go in one message. Keys travel as text so int64 values stay exact.
const lockSql = 'select * from process_instances where key = ? for update';
const lockByJobSql =
  'select p.* from process_instances p where p.key = (select process_instance_key from jobs where key = ?) for update of p';
const instanceOfJob = '(select process_instance_key from jobs where key = ?::bigint)';

/** The active element instances and the variables of live scopes of `instance` (an SQL expression), as JSON. */
export const stateColumns = (instance: string) => `
    coalesce((select json_agg(json_build_object(
        'key', e.key::text, 'elementId', e.element_id, 'elementType', e.element_type,
        'flowScopeKey', e.flow_scope_key::text, 'state', e.state, 'data', e.data,
        'incidentKey', e.incident_key::text, 'startedAt', e.start_date))
      from element_instances e where e.process_instance_key = ${instance} and e.state = 'ACTIVE'), '[]') as active_elements,
    coalesce((select json_agg(json_build_object('scope', v.scope_key::text, 'name', v.name, 'value', v.value))
      from variables v
      where v.process_instance_key = ${instance} and (v.scope_key = ${instance} or v.scope_key in
        (select e.key from element_instances e where e.process_instance_key = ${instance} and e.state = 'ACTIVE'))), '[]')
      as live_variables`;

const stateSql = (instance: string) => `
  select ${stateColumns(instance)},
    (select row_to_json(j) from (select key::text, type, state, retries, process_instance_key::text,
      element_instance_key::text from jobs where key = ?::bigint) j) as job`;

// Planned once per connection: planning these cost four times what running them does.
const byInstance = {
  lock: { name: 'engine_lock_instance', sql: lockSql },
  state: { name: 'engine_instance_state', sql: stateSql('?::bigint') },
} satisfies Record<string, PreparedSql>;
const byJob = {
  lock: { name: 'engine_lock_instance_of_job', sql: lockByJobSql },
  state: { name: 'engine_instance_state_of_job', sql: stateSql(instanceOfJob) },
} satisfies Record<string, PreparedSql>;

export interface StateRow {
  active_elements: unknown;
  live_variables: unknown;
  job: unknown;
}

/**
 * Locks the instance row (commands on one instance are serialised here) and loads what a command
 * needs. `undefined` when there is no such instance.
 */
export async function loadSnapshot(
  trx: Knex.Transaction,
  definitions: DefinitionCache,
  instanceKey: string,
): Promise<InstanceSnapshot | undefined> {
  const [lock, state] = await queryScript(trx, [
    execute(byInstance.lock, [instanceKey]),
    execute(byInstance.state, [instanceKey, instanceKey, instanceKey, instanceKey, null]),
  ]);
  const instance = lock!.rows[0] as InstanceRow | undefined;
  if (!instance) return undefined;
  return (await toSnapshot(trx, definitions, instance, state!.rows[0] as unknown as StateRow)).snapshot;
}

export interface JobJson {
  key: string;
  type: string;
  state: string;
  retries: number;
  process_instance_key: string;
  element_instance_key: string;
}

/** Locks the instance a job belongs to and loads it, with the job as it is now (after the lock). */
export async function loadSnapshotForJob(
  trx: Knex.Transaction,
  definitions: DefinitionCache,
  jobKey: string,
): Promise<{ snapshot: InstanceSnapshot; job: JobJson } | undefined> {
  const [lock, state] = await queryScript(trx, [
    execute(byJob.lock, [jobKey]),
    execute(byJob.state, [jobKey, jobKey, jobKey, jobKey, jobKey]),
  ]);
  const instance = lock!.rows[0] as InstanceRow | undefined;
  if (!instance) return undefined;
  const { snapshot, job } = await toSnapshot(
    trx,
    definitions,
    instance,
    state!.rows[0] as unknown as StateRow,
  );
  return { snapshot, job: job! };
}

export async function toSnapshot(
  trx: Knex.Transaction,
  definitions: DefinitionCache,
  instance: InstanceRow,
  row: StateRow,
): Promise<{ snapshot: InstanceSnapshot; job: JobJson | undefined }> {
  const header = toHeader(instance);
  const model = await definitions.model(trx, header.processDefinitionKey);
  const parse = <T>(value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  const elements = new Map<string, ElementInstance>();
  for (const e of parse<ElementJson[]>(row.active_elements)) {
    elements.set(e.key, {
      key: e.key,
      elementId: e.elementId,
      elementType: e.elementType,
      flowScopeKey: e.flowScopeKey,
      state: e.state,
      startedAt: new Date(e.startedAt),
      data: e.data ?? {},
      incidentKey: e.incidentKey ?? undefined,
    });
  }
  const variables = new Map<string, Map<string, unknown>>();
  for (const v of parse<{ scope: string; name: string; value: unknown }[]>(row.live_variables)) {
    let scope = variables.get(v.scope);
    if (!scope) variables.set(v.scope, (scope = new Map()));
    scope.set(v.name, v.value);
  }
  return {
    snapshot: { header, model, elements, variables },
    job: row.job ? parse<JobJson>(row.job) : undefined,
  };
}

/** The snapshot of an instance this transaction has just inserted: nothing to load. */
export function emptySnapshot(header: InstanceHeader, model: InstanceSnapshot['model']): InstanceSnapshot {
  return { header, model, elements: new Map(), variables: new Map() };
}
