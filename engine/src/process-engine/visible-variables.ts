import type { Knex } from 'knex';
import { keyOf } from './rows.js';

/**
 * The variables visible from each given element instance (its scope chain up to the process
 * instance, inner scopes shadowing outer ones), optionally only the named ones. Two queries in all.
 */
export async function visibleVariablesOf(
  db: Knex,
  targets: { instanceKey: string; elementInstanceKey: string }[],
  only?: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const instanceKeys = [...new Set(targets.map((t) => t.instanceKey))];
  const [elements, variables] = await Promise.all([
    db('element_instances')
      .whereIn('process_instance_key', instanceKeys)
      .andWhere({ state: 'ACTIVE' })
      .select('key', 'flow_scope_key'),
    db('variables')
      .whereIn('process_instance_key', instanceKeys)
      .modify((q) => {
        if (only && only.length > 0) q.whereIn('name', only);
      })
      .select('scope_key', 'name', 'value'),
  ]);
  const parent = new Map<string, string>(
    elements.map((e: { key: unknown; flow_scope_key: unknown }) => [keyOf(e.key), keyOf(e.flow_scope_key)]),
  );
  const byScope = new Map<string, Record<string, unknown>>();
  for (const v of variables as { scope_key: unknown; name: string; value: unknown }[]) {
    const scope = keyOf(v.scope_key);
    const bucket = byScope.get(scope) ?? {};
    bucket[v.name] = v.value;
    byScope.set(scope, bucket);
  }
  const result = new Map<string, Record<string, unknown>>();
  for (const target of targets) {
    const chain: string[] = [];
    for (
      let key: string | undefined = target.elementInstanceKey;
      key && key !== '-1';
      key = parent.get(key)
    ) {
      chain.push(key);
      if (key === target.instanceKey) break;
    }
    const merged: Record<string, unknown> = {};
    for (const key of chain.reverse()) Object.assign(merged, byScope.get(key));
    result.set(target.elementInstanceKey, merged);
  }
  return result;
}
