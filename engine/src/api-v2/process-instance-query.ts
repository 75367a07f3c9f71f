import { z } from 'zod';
import { allOf, conditionsOf, existsFilter, schemaOf, type FilterField } from './search/filter-fields.js';
import type { SearchSpec } from './search/search-spec.js';
import { isoDate, keyOf, nullableIsoDate, nullableKey } from './row-values.js';

export interface ProcessInstanceItem {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName: string | null;
  processDefinitionVersion: number;
  processDefinitionVersionTag: string | null;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  hasIncident: boolean;
  startDate: string;
  endDate: string | null;
  tenantId: string;
  parentProcessInstanceKey: string | null;
  parentElementInstanceKey: string | null;
  rootProcessInstanceKey: string | null;
  tags: string[];
  businessId: string | null;
}

const stringFilter: FilterField = { kind: 'string', expr: 'v.value::text' };

/**
 * `variables: [{ name, value }]`: the instance has a root variable of that name whose JSON matches;
 * never one for which `hidden` (SQL over `v`) holds.
 */
export const variableValuesFilter = (scopeKey: string, hidden?: string): FilterField => ({
  kind: 'custom',
  schema: z.array(z.strictObject({ name: z.string(), value: schemaOf(stringFilter) })),
  condition: (wanted: { name: string; value: unknown }[]) =>
    allOf(
      wanted.map(({ name, value }) => {
        const match = allOf(conditionsOf(stringFilter, value));
        return {
          sql: `exists (select 1 from variables v where v.scope_key = ${scopeKey} and v.name = ? and ${match.sql}${hidden ? ` and not ${hidden}` : ''})`,
          bindings: [name, ...match.bindings],
        };
      }),
    ),
});

const instanceStates = { ACTIVE: ['ACTIVE'], COMPLETED: ['COMPLETED'], TERMINATED: ['TERMINATED'] };

/** Process instances with their definition's name and version tag. */
export const processInstanceQuery: SearchSpec<ProcessInstanceItem> = {
  from: (db) =>
    db('process_instances as pi')
      .join('process_definitions as pd', 'pd.key', 'pi.process_definition_key')
      .select(
        'pi.key',
        'pi.process_definition_key',
        'pi.bpmn_process_id',
        'pi.version',
        'pi.tenant_id',
        'pi.state',
        'pi.has_incident',
        'pi.start_date',
        'pi.end_date',
        'pi.parent_process_instance_key',
        'pi.parent_element_instance_key',
        'pi.root_process_instance_key',
        'pd.name as process_name',
        'pd.version_tag',
      ),
  filters: {
    processInstanceKey: { kind: 'key', expr: 'pi.key' },
    processDefinitionKey: { kind: 'key', expr: 'pi.process_definition_key' },
    processDefinitionId: { kind: 'string', expr: 'pi.bpmn_process_id' },
    processDefinitionName: { kind: 'string', expr: 'pd.name' },
    processDefinitionVersion: { kind: 'integer', expr: 'pi.version' },
    processDefinitionVersionTag: { kind: 'string', expr: 'pd.version_tag' },
    state: { kind: 'enum', expr: 'pi.state', values: instanceStates },
    hasIncident: { kind: 'boolean', expr: 'pi.has_incident' },
    startDate: { kind: 'date', expr: 'pi.start_date' },
    endDate: { kind: 'date', expr: 'pi.end_date' },
    tenantId: { kind: 'string', expr: 'pi.tenant_id' },
    parentProcessInstanceKey: { kind: 'key', expr: 'pi.parent_process_instance_key' },
    parentElementInstanceKey: { kind: 'key', expr: 'pi.parent_element_instance_key' },
    elementId: existsFilter('element_instances ei where ei.process_instance_key = pi.key', {
      kind: 'string',
      expr: 'ei.element_id',
    }),
    errorMessage: existsFilter(`incidents i where i.process_instance_key = pi.key and i.state = 'ACTIVE'`, {
      kind: 'string',
      expr: 'i.error_message',
    }),
    variables: variableValuesFilter('pi.key'),
  },
  sorts: {
    processInstanceKey: { expr: 'pi.key' },
    processDefinitionKey: { expr: 'pi.process_definition_key' },
    processDefinitionId: { expr: 'pi.bpmn_process_id' },
    processDefinitionName: { expr: 'pd.name', nullable: true },
    processDefinitionVersion: { expr: 'pi.version' },
    processDefinitionVersionTag: { expr: 'pd.version_tag', nullable: true },
    parentProcessInstanceKey: { expr: 'pi.parent_process_instance_key', nullable: true },
    parentElementInstanceKey: { expr: 'pi.parent_element_instance_key', nullable: true },
    startDate: { expr: 'pi.start_date' },
    endDate: { expr: 'pi.end_date', nullable: true },
    state: { expr: 'pi.state' },
    hasIncident: { expr: 'pi.has_incident' },
    tenantId: { expr: 'pi.tenant_id' },
  },
  key: 'pi.key',
  toItem: (row) => ({
    processInstanceKey: keyOf(row.key),
    processDefinitionKey: keyOf(row.process_definition_key),
    processDefinitionId: row.bpmn_process_id as string,
    processDefinitionName: (row.process_name as string | null) ?? null,
    processDefinitionVersion: row.version as number,
    processDefinitionVersionTag: (row.version_tag as string | null) ?? null,
    state: row.state as ProcessInstanceItem['state'],
    hasIncident: Boolean(row.has_incident),
    startDate: isoDate(row.start_date),
    endDate: nullableIsoDate(row.end_date),
    tenantId: row.tenant_id as string,
    parentProcessInstanceKey: nullableKey(row.parent_process_instance_key),
    parentElementInstanceKey: nullableKey(row.parent_element_instance_key),
    rootProcessInstanceKey: nullableKey(row.root_process_instance_key),
    tags: [],
    businessId: null,
  }),
};
