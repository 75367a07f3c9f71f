import type { ElementType } from '../core/bpmn/model.js';
import type { SearchSpec } from './search/search-spec.js';
import { isoDate, keyOf, nullableIsoDate, nullableKey } from './row-values.js';

export interface ElementInstanceItem {
  elementInstanceKey: string;
  processInstanceKey: string;
  rootProcessInstanceKey: string | null;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  elementName: string;
  type: ElementType;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  incidentKey: string | null;
  startDate: string;
  endDate: string | null;
  tenantId: string;
}

/** The element's (or the process's) name from the deployed model; Camunda falls back to the id. */
const elementName = `coalesce(pd.model -> 'elements' -> ei.element_id ->> 'name',
  case when ei.element_type = 'PROCESS' then pd.name end, ei.element_id)`;
const activeIncident = `(select i.key from incidents i
  where i.element_instance_key = ei.key and i.state = 'ACTIVE' order by i.key desc limit 1)`;

const elementTypes = [
  'UNSPECIFIED',
  'PROCESS',
  'SUB_PROCESS',
  'EVENT_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS',
  'AD_HOC_SUB_PROCESS_INNER_INSTANCE',
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
  'SERVICE_TASK',
  'RECEIVE_TASK',
  'USER_TASK',
  'MANUAL_TASK',
  'TASK',
  'EXCLUSIVE_GATEWAY',
  'INCLUSIVE_GATEWAY',
  'PARALLEL_GATEWAY',
  'EVENT_BASED_GATEWAY',
  'SEQUENCE_FLOW',
  'MULTI_INSTANCE_BODY',
  'CALL_ACTIVITY',
  'BUSINESS_RULE_TASK',
  'SCRIPT_TASK',
  'SEND_TASK',
  'UNKNOWN',
];

/** Element instances (active and finished) with the instance's process id, tenant and root. */
export const elementInstanceQuery: SearchSpec<ElementInstanceItem> = {
  from: (db) =>
    db('element_instances as ei')
      .join('process_instances as pi', 'pi.key', 'ei.process_instance_key')
      .join('process_definitions as pd', 'pd.key', 'ei.process_definition_key')
      .select(
        'ei.key',
        'ei.process_instance_key',
        'ei.process_definition_key',
        'ei.element_id',
        'ei.element_type',
        'ei.state',
        'ei.start_date',
        'ei.end_date',
        'pi.bpmn_process_id',
        'pi.tenant_id',
        'pi.root_process_instance_key',
        db.raw(`${elementName} as element_name`),
        db.raw(`${activeIncident} as active_incident_key`),
      ),
  filters: {
    elementInstanceKey: { kind: 'key', expr: 'ei.key' },
    processInstanceKey: { kind: 'key', expr: 'ei.process_instance_key' },
    processDefinitionKey: { kind: 'key', expr: 'ei.process_definition_key' },
    processDefinitionId: { kind: 'string', expr: 'pi.bpmn_process_id' },
    elementId: { kind: 'string', expr: 'ei.element_id' },
    elementName: { kind: 'string', expr: elementName },
    type: {
      kind: 'enum',
      expr: 'ei.element_type',
      values: Object.fromEntries(elementTypes.map((t) => [t, [t]])),
    },
    state: {
      kind: 'enum',
      expr: 'ei.state',
      values: { ACTIVE: ['ACTIVE'], COMPLETED: ['COMPLETED'], TERMINATED: ['TERMINATED'] },
    },
    hasIncident: { kind: 'boolean', expr: `${activeIncident} is not null` },
    incidentKey: { kind: 'key', expr: activeIncident },
    startDate: { kind: 'date', expr: 'ei.start_date' },
    endDate: { kind: 'date', expr: 'ei.end_date' },
    tenantId: { kind: 'string', expr: 'pi.tenant_id' },
    elementInstanceScopeKey: { kind: 'key', expr: 'ei.flow_scope_key' },
  },
  sorts: {
    elementInstanceKey: { expr: 'ei.key' },
    processInstanceKey: { expr: 'ei.process_instance_key' },
    processDefinitionKey: { expr: 'ei.process_definition_key' },
    processDefinitionId: { expr: 'pi.bpmn_process_id' },
    startDate: { expr: 'ei.start_date' },
    endDate: { expr: 'ei.end_date', nullable: true },
    elementId: { expr: 'ei.element_id' },
    elementName: { expr: elementName },
    type: { expr: 'ei.element_type' },
    state: { expr: 'ei.state' },
    incidentKey: { expr: activeIncident, nullable: true },
    tenantId: { expr: 'pi.tenant_id' },
  },
  key: 'ei.key',
  toItem: (row) => ({
    elementInstanceKey: keyOf(row.key),
    processInstanceKey: keyOf(row.process_instance_key),
    rootProcessInstanceKey: nullableKey(row.root_process_instance_key),
    processDefinitionKey: keyOf(row.process_definition_key),
    processDefinitionId: row.bpmn_process_id as string,
    elementId: row.element_id as string,
    elementName: row.element_name as string,
    type: row.element_type as ElementType,
    state: row.state as ElementInstanceItem['state'],
    hasIncident: row.active_incident_key !== null && row.active_incident_key !== undefined,
    incidentKey: nullableKey(row.active_incident_key),
    startDate: isoDate(row.start_date),
    endDate: nullableIsoDate(row.end_date),
    tenantId: row.tenant_id as string,
  }),
};
