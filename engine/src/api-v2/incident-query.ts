import type { IncidentType } from '../core/runtime/effects.js';
import type { SearchSpec } from './search/search-spec.js';
import { isoDate, keyOf, nullableKey } from './row-values.js';

export interface IncidentItem {
  incidentKey: string;
  errorType: IncidentType;
  errorMessage: string;
  state: 'ACTIVE' | 'RESOLVED';
  elementId: string;
  elementInstanceKey: string;
  jobKey: string | null;
  processDefinitionId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  rootProcessInstanceKey: string | null;
  creationTime: string;
  tenantId: string;
}

const errorTypes = [
  'AD_HOC_SUB_PROCESS_NO_RETRIES',
  'CALLED_DECISION_ERROR',
  'CALLED_ELEMENT_ERROR',
  'CONDITION_ERROR',
  'DECISION_EVALUATION_ERROR',
  'EXECUTION_LISTENER_NO_RETRIES',
  'EXTRACT_VALUE_ERROR',
  'FORM_NOT_FOUND',
  'IO_MAPPING_ERROR',
  'JOB_NO_RETRIES',
  'MESSAGE_SIZE_EXCEEDED',
  'RESOURCE_NOT_FOUND',
  'TASK_LISTENER_NO_RETRIES',
  'UNHANDLED_ERROR_EVENT',
  'UNKNOWN',
  'UNSPECIFIED',
];

export const incidentQuery: SearchSpec<IncidentItem> = {
  from: (db) =>
    db('incidents as inc')
      .join('process_instances as pi', 'pi.key', 'inc.process_instance_key')
      .select(
        'inc.key',
        'inc.error_type',
        'inc.error_message',
        'inc.state',
        'inc.element_id',
        'inc.element_instance_key',
        'inc.job_key',
        'inc.bpmn_process_id',
        'inc.process_definition_key',
        'inc.process_instance_key',
        'inc.creation_time',
        'inc.tenant_id',
        'pi.root_process_instance_key',
      ),
  filters: {
    incidentKey: { kind: 'key', expr: 'inc.key' },
    errorType: {
      kind: 'enum',
      expr: 'inc.error_type',
      values: Object.fromEntries(errorTypes.map((t) => [t, [t]])),
    },
    errorMessage: { kind: 'string', expr: 'inc.error_message' },
    state: {
      kind: 'enum',
      expr: 'inc.state',
      values: { ACTIVE: ['ACTIVE'], RESOLVED: ['RESOLVED'], MIGRATED: [], PENDING: [], UNKNOWN: [] },
    },
    elementId: { kind: 'string', expr: 'inc.element_id' },
    elementInstanceKey: { kind: 'key', expr: 'inc.element_instance_key' },
    jobKey: { kind: 'key', expr: 'inc.job_key' },
    processDefinitionId: { kind: 'string', expr: 'inc.bpmn_process_id' },
    processDefinitionKey: { kind: 'key', expr: 'inc.process_definition_key' },
    processInstanceKey: { kind: 'key', expr: 'inc.process_instance_key' },
    creationTime: { kind: 'date', expr: 'inc.creation_time' },
    tenantId: { kind: 'string', expr: 'inc.tenant_id' },
  },
  sorts: {
    incidentKey: { expr: 'inc.key' },
    errorType: { expr: 'inc.error_type' },
    state: { expr: 'inc.state' },
    elementId: { expr: 'inc.element_id' },
    elementInstanceKey: { expr: 'inc.element_instance_key' },
    jobKey: { expr: 'inc.job_key', nullable: true },
    processDefinitionId: { expr: 'inc.bpmn_process_id' },
    processDefinitionKey: { expr: 'inc.process_definition_key' },
    processInstanceKey: { expr: 'inc.process_instance_key' },
    creationTime: { expr: 'inc.creation_time' },
    tenantId: { expr: 'inc.tenant_id' },
  },
  key: 'inc.key',
  toItem: (row) => ({
    incidentKey: keyOf(row.key),
    errorType: row.error_type as IncidentType,
    errorMessage: row.error_message as string,
    state: row.state as IncidentItem['state'],
    elementId: row.element_id as string,
    elementInstanceKey: keyOf(row.element_instance_key),
    jobKey: nullableKey(row.job_key),
    processDefinitionId: row.bpmn_process_id as string,
    processDefinitionKey: keyOf(row.process_definition_key),
    processInstanceKey: keyOf(row.process_instance_key),
    rootProcessInstanceKey: nullableKey(row.root_process_instance_key),
    creationTime: isoDate(row.creation_time),
    tenantId: row.tenant_id as string,
  }),
};
