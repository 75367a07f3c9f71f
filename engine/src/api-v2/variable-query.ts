import type { SearchSpec } from './search/search-spec.js';
import { keyOf, nullableKey } from './row-values.js';

/** Camunda cuts values longer than this in search results (and says so with `isTruncated`). */
export const truncationLength = 8191;

export interface VariableItem {
  variableKey: string;
  name: string;
  /** The value as JSON text, as Camunda serializes it. */
  value: string;
  isTruncated: boolean;
  scopeKey: string;
  processInstanceKey: string;
  rootProcessInstanceKey: string | null;
  tenantId: string;
}

function variableQuery(truncate: boolean): SearchSpec<VariableItem> {
  return {
    from: (db) =>
      db('variables as v')
        .join('process_instances as pi', 'pi.key', 'v.process_instance_key')
        .select(
          'v.key',
          'v.name',
          'v.scope_key',
          'v.process_instance_key',
          db.raw('v.value::text as value_json'),
          'pi.tenant_id',
          'pi.root_process_instance_key',
        ),
    filters: {
      variableKey: { kind: 'key', expr: 'v.key' },
      name: { kind: 'string', expr: 'v.name' },
      value: { kind: 'string', expr: 'v.value::text' },
      scopeKey: { kind: 'key', expr: 'v.scope_key' },
      processInstanceKey: { kind: 'key', expr: 'v.process_instance_key' },
      tenantId: { kind: 'string', expr: 'pi.tenant_id' },
      isTruncated: { kind: 'boolean', expr: `length(v.value::text) > ${truncationLength}` },
    },
    sorts: {
      variableKey: { expr: 'v.key' },
      name: { expr: 'v.name' },
      value: { expr: 'v.value::text' },
      scopeKey: { expr: 'v.scope_key' },
      processInstanceKey: { expr: 'v.process_instance_key' },
      tenantId: { expr: 'pi.tenant_id' },
    },
    key: 'v.key',
    toItem: (row) => {
      // JSON text from PostgreSQL has spaces after ':' and ','; re-serialize as Camunda does.
      const value = JSON.stringify(JSON.parse(String(row.value_json ?? 'null')));
      const isTruncated = truncate && value.length > truncationLength;
      return {
        variableKey: keyOf(row.key),
        name: row.name as string,
        value: isTruncated ? value.slice(0, truncationLength) : value,
        isTruncated,
        scopeKey: keyOf(row.scope_key),
        processInstanceKey: keyOf(row.process_instance_key),
        rootProcessInstanceKey: nullableKey(row.root_process_instance_key),
        tenantId: row.tenant_id as string,
      };
    },
  };
}

/** Variables of every scope; search results cut long values unless `truncateValues=false`. */
export const truncatedVariableQuery = variableQuery(true);
export const fullVariableQuery = variableQuery(false);
