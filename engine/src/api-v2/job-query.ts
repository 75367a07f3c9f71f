import type { SearchSpec } from './search/search-spec.js';
import { fromJsonText, isoDate, keyOf, nullableIsoDate, nullableKey } from './row-values.js';

export type JobState =
  | 'CANCELED'
  | 'COMPLETED'
  | 'CREATED'
  | 'ERROR_THROWN'
  | 'FAILED'
  | 'MIGRATED'
  | 'RETRIES_UPDATED'
  | 'TIMED_OUT';

export interface JobItem {
  jobKey: string;
  type: string;
  worker: string;
  state: JobState;
  kind: 'BPMN_ELEMENT';
  listenerEventType: 'UNSPECIFIED';
  retries: number;
  hasFailedWithRetriesLeft: boolean;
  errorMessage: string | null;
  errorCode: string | null;
  deadline: string | null;
  customHeaders: Record<string, string>;
  elementId: string;
  elementInstanceKey: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  rootProcessInstanceKey: string | null;
  tenantId: string;
  creationTime: string | null;
  lastUpdateTime: string | null;
  endTime: string | null;
  deniedReason: string | null;
  isDenied: boolean | null;
}

/**
 * The engine's job states in Camunda's words: an activated job is still CREATED (TIMED_OUT once its
 * deadline passed), and a job that failed without retries left is FAILED like one that will retry.
 */
const state = `case j.state
  when 'ACTIVATED' then case when j.deadline < now() then 'TIMED_OUT' else 'CREATED' end
  when 'NO_RETRIES' then 'FAILED'
  else j.state end`;

const failedWithRetriesLeft = `(j.state in ('FAILED', 'NO_RETRIES') and j.retries > 0)`;

const states: JobState[] = [
  'CANCELED',
  'COMPLETED',
  'CREATED',
  'ERROR_THROWN',
  'FAILED',
  'MIGRATED',
  'RETRIES_UPDATED',
  'TIMED_OUT',
];

export const jobQuery: SearchSpec<JobItem> = {
  from: (db) =>
    db('jobs as j')
      .join('process_instances as pi', 'pi.key', 'j.process_instance_key')
      .select(
        'j.key',
        'j.type',
        'j.worker',
        'j.retries',
        'j.error_message',
        'j.deadline',
        'j.element_id',
        'j.element_instance_key',
        'j.bpmn_process_id',
        'j.process_definition_key',
        'j.process_instance_key',
        'j.tenant_id',
        'j.created_at',
        'pi.root_process_instance_key',
        db.raw(`j.custom_headers::text as custom_headers_json`),
        db.raw(`${state} as api_state`),
        db.raw(`${failedWithRetriesLeft} as failed_with_retries_left`),
      ),
  filters: {
    jobKey: { kind: 'key', expr: 'j.key' },
    type: { kind: 'string', expr: 'j.type' },
    worker: { kind: 'string', expr: 'j.worker' },
    state: { kind: 'enum', expr: state, values: Object.fromEntries(states.map((s) => [s, [s]])) },
    kind: {
      kind: 'enum',
      expr: `'BPMN_ELEMENT'`,
      values: {
        BPMN_ELEMENT: ['BPMN_ELEMENT'],
        EXECUTION_LISTENER: [],
        TASK_LISTENER: [],
        AD_HOC_SUB_PROCESS: [],
      },
    },
    retries: { kind: 'integer', expr: 'j.retries' },
    hasFailedWithRetriesLeft: { kind: 'boolean', expr: failedWithRetriesLeft },
    errorMessage: { kind: 'string', expr: 'j.error_message' },
    deadline: { kind: 'date', expr: 'j.deadline' },
    elementId: { kind: 'string', expr: 'j.element_id' },
    elementInstanceKey: { kind: 'key', expr: 'j.element_instance_key' },
    processDefinitionId: { kind: 'string', expr: 'j.bpmn_process_id' },
    processDefinitionKey: { kind: 'key', expr: 'j.process_definition_key' },
    processInstanceKey: { kind: 'key', expr: 'j.process_instance_key' },
    tenantId: { kind: 'string', expr: 'j.tenant_id' },
    creationTime: { kind: 'date', expr: 'j.created_at' },
  },
  sorts: {
    jobKey: { expr: 'j.key' },
    type: { expr: 'j.type' },
    worker: { expr: 'j.worker', nullable: true },
    state: { expr: state },
    retries: { expr: 'j.retries' },
    hasFailedWithRetriesLeft: { expr: failedWithRetriesLeft },
    errorMessage: { expr: 'j.error_message', nullable: true },
    deadline: { expr: 'j.deadline', nullable: true },
    elementId: { expr: 'j.element_id' },
    elementInstanceKey: { expr: 'j.element_instance_key' },
    processDefinitionId: { expr: 'j.bpmn_process_id' },
    processDefinitionKey: { expr: 'j.process_definition_key' },
    processInstanceKey: { expr: 'j.process_instance_key' },
    tenantId: { expr: 'j.tenant_id' },
  },
  key: 'j.key',
  toItem: (row) => ({
    jobKey: keyOf(row.key),
    type: row.type as string,
    worker: (row.worker as string | null) ?? '',
    state: row.api_state as JobState,
    kind: 'BPMN_ELEMENT',
    listenerEventType: 'UNSPECIFIED',
    retries: row.retries as number,
    hasFailedWithRetriesLeft: Boolean(row.failed_with_retries_left),
    errorMessage: (row.error_message as string | null) ?? null,
    errorCode: null,
    deadline: nullableIsoDate(row.deadline),
    customHeaders: stringValues(fromJsonText<Record<string, unknown> | null>(row.custom_headers_json)),
    elementId: row.element_id as string,
    elementInstanceKey: keyOf(row.element_instance_key),
    processDefinitionId: row.bpmn_process_id as string,
    processDefinitionKey: keyOf(row.process_definition_key),
    processInstanceKey: keyOf(row.process_instance_key),
    rootProcessInstanceKey: nullableKey(row.root_process_instance_key),
    tenantId: row.tenant_id as string,
    creationTime: isoDate(row.created_at),
    lastUpdateTime: null,
    endTime: null,
    deniedReason: null,
    isDenied: null,
  }),
};

function stringValues(headers: Record<string, unknown> | null): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  );
}
