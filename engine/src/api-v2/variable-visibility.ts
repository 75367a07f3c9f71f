import type { Knex } from 'knex';
import type { Principal } from '../platform/auth/principal.js';
import {
  isSensitive,
  maskedJson,
  variableViewOf,
  type VariableView,
} from '../platform/auth/variable-access.js';
import type { ApiDeps } from './api-deps.js';
import { rejection } from './problems.js';
import { fromJsonText, keyOf } from './row-values.js';
import type { SearchSpec } from './search/search-spec.js';
import { groupsOf } from './user-task-access.js';

export async function variableViewFor(deps: ApiDeps, principal: Principal): Promise<VariableView> {
  return variableViewOf(principal, await groupsOf(deps.db, principal), deps.sensitiveVariables);
}

/**
 * SQL true for instances whose variables the viewer may read: all, or those where the viewer is the
 * assignee of a user task, or a candidate of an open one (one they may claim).
 */
function instanceCondition(view: VariableView, instanceKeyExpr: string): { sql: string; bindings: string[] } {
  if (!view.onlyInstancesOf) return { sql: 'true', bindings: [] };
  const { username, groups } = view.onlyInstancesOf;
  return {
    sql: `exists (select 1 from user_tasks t where t.process_instance_key = ${instanceKeyExpr}
      and (t.assignee = ? or (t.state = 'CREATED' and t.assignee is null and (
        t.candidate_users @> jsonb_build_array(?::text)
        or exists (select 1 from jsonb_array_elements_text(t.candidate_groups) as g(name)
                   where g.name in (select jsonb_array_elements_text(?::jsonb)))
        or (t.candidate_users = '[]'::jsonb and t.candidate_groups = '[]'::jsonb)))))`,
    bindings: [username, username, JSON.stringify(groups)],
  };
}

/** The same search over the instances the viewer may read only. */
export function onlyVisibleInstances<Item>(
  spec: SearchSpec<Item>,
  view: VariableView,
  instanceKeyExpr: string,
): SearchSpec<Item> {
  if (!view.onlyInstancesOf) return spec;
  const condition = instanceCondition(view, instanceKeyExpr);
  return { ...spec, from: (db) => spec.from(db).whereRaw(condition.sql, condition.bindings) };
}

/** 403 unless the viewer may read the instance's variables. */
export async function assertInstanceVisible(
  db: Knex,
  view: VariableView,
  instanceKey: string,
): Promise<void> {
  if (!view.onlyInstancesOf) return;
  const condition = instanceCondition(view, '?::bigint');
  const row = (await db
    .select(db.raw(`${condition.sql} as visible`, [instanceKey, ...condition.bindings]))
    .first()) as { visible: boolean } | undefined;
  if (!row?.visible) {
    throw rejection(
      'FORBIDDEN',
      `You may read the variables of process instance '${instanceKey}' only while you have a user task in it (as assignee, or candidate of an open one)`,
    );
  }
}

/** Each instance's `tramit:sensitiveVariables` patterns, from its definition's model. */
async function processPatterns(db: Knex, instanceKeys: string[]): Promise<Map<string, string[]>> {
  if (instanceKeys.length === 0) return new Map();
  const rows = (await db('process_instances as pi')
    .join('process_definitions as pd', 'pd.key', 'pi.process_definition_key')
    .whereIn('pi.key', instanceKeys)
    .select('pi.key', db.raw(`(pd.model->'sensitiveVariables')::text as patterns_json`))) as Record<
    string,
    unknown
  >[];
  return new Map(
    rows.map((row) => [keyOf(row.key), fromJsonText<string[] | null>(row.patterns_json) ?? []] as const),
  );
}

interface VariableLike {
  name: string;
  value: string;
  processInstanceKey: string;
  isTruncated?: boolean;
}

/** The items with sensitive values masked, unless the viewer (or `clear`) reads them in clear. */
export async function maskSensitive<Item extends VariableLike>(
  db: Knex,
  view: VariableView,
  items: Item[],
  clear = view.readsSensitive,
): Promise<Item[]> {
  if (clear || items.length === 0) return items;
  const patterns = await processPatterns(db, [...new Set(items.map((item) => item.processInstanceKey))]);
  return items.map((item) => {
    if (!isSensitive(view, item.name, patterns.get(item.processInstanceKey) ?? [])) return item;
    const masked = { ...item, value: maskedJson(item.value) };
    return item.isTruncated === undefined ? masked : { ...masked, isTruncated: false };
  });
}

/** A variables object (as returned with a completed instance) with sensitive values masked. */
export async function maskSensitiveRecord(
  db: Knex,
  view: VariableView,
  instanceKey: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (view.readsSensitive) return variables;
  const patterns = (await processPatterns(db, [instanceKey])).get(instanceKey) ?? [];
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) =>
      isSensitive(view, name, patterns)
        ? [name, JSON.parse(maskedJson(JSON.stringify(value ?? null)))]
        : [name, value],
    ),
  );
}
