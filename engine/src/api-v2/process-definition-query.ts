import type { SearchSpec } from './search/search-spec.js';
import { keyOf } from './row-values.js';

export interface ProcessDefinitionItem {
  processDefinitionKey: string;
  processDefinitionId: string;
  name: string | null;
  version: number;
  versionTag: string | null;
  resourceName: string;
  tenantId: string;
  hasStartForm: boolean;
  state: 'ACTIVE';
}

const isLatestVersion = `pd.version = (select max(p2.version) from process_definitions p2
  where p2.bpmn_process_id = pd.bpmn_process_id and p2.tenant_id = pd.tenant_id)`;

/** Deployed process definitions; Tramit never deletes them, so every definition is ACTIVE. */
export const processDefinitionQuery: SearchSpec<ProcessDefinitionItem> = {
  from: (db) =>
    db('process_definitions as pd').select(
      'pd.key',
      'pd.bpmn_process_id',
      'pd.name',
      'pd.version',
      'pd.version_tag',
      'pd.resource_name',
      'pd.tenant_id',
    ),
  filters: {
    processDefinitionKey: { kind: 'key', expr: 'pd.key' },
    processDefinitionId: { kind: 'string', expr: 'pd.bpmn_process_id' },
    name: { kind: 'string', expr: 'pd.name' },
    version: { kind: 'integer', expr: 'pd.version' },
    versionTag: { kind: 'string', expr: 'pd.version_tag' },
    isLatestVersion: { kind: 'boolean', expr: isLatestVersion },
    resourceName: { kind: 'string', expr: 'pd.resource_name' },
    tenantId: { kind: 'string', expr: 'pd.tenant_id' },
    hasStartForm: { kind: 'boolean', expr: 'false' },
    state: { kind: 'enum', expr: `'ACTIVE'`, values: { ACTIVE: ['ACTIVE'], DRAINING: [], DELETED: [] } },
  },
  sorts: {
    processDefinitionKey: { expr: 'pd.key' },
    processDefinitionId: { expr: 'pd.bpmn_process_id' },
    name: { expr: 'pd.name', nullable: true },
    version: { expr: 'pd.version' },
    versionTag: { expr: 'pd.version_tag', nullable: true },
    resourceName: { expr: 'pd.resource_name' },
    tenantId: { expr: 'pd.tenant_id' },
  },
  key: 'pd.key',
  toItem: (row) => ({
    processDefinitionKey: keyOf(row.key),
    processDefinitionId: row.bpmn_process_id as string,
    name: (row.name as string | null) ?? null,
    version: row.version as number,
    versionTag: (row.version_tag as string | null) ?? null,
    resourceName: row.resource_name as string,
    tenantId: row.tenant_id as string,
    hasStartForm: false,
    state: 'ACTIVE',
  }),
};
