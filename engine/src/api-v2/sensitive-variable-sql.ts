import { literal } from '../infra/db/sql-literal.js';
import type { VariableView } from '../platform/auth/variable-access.js';
import { variableValuesFilter } from './process-instance-query.js';
import type { SearchSpec } from './search/search-spec.js';

/** A `*` pattern as a LIKE pattern (escape character `!`), lower case. */
function likeOf(pattern: string): string {
  return pattern
    .toLowerCase()
    .replaceAll('!', '!!')
    .replaceAll('%', '!%')
    .replaceAll('_', '!_')
    .replaceAll('*', '%');
}

/**
 * SQL true when the variable `nameExpr` of instance `instanceKeyExpr` is sensitive: it matches a
 * configured pattern or its process's `tramit:sensitiveVariables` (the same rule as isSensitive).
 * Configured patterns are validated configuration, written as a literal: the text has no bindings,
 * so it can stand in filter and sort expressions.
 */
export function sensitiveNameSql(view: VariableView, nameExpr: string, instanceKeyExpr: string): string {
  const configured = literal(JSON.stringify(view.configuredPatterns.map(likeOf)));
  const processLike = `replace(replace(replace(replace(lower(p.pattern), '!', '!!'), '%', '!%'), '_', '!_'), '*', '%')`;
  return `(exists (select 1 from jsonb_array_elements_text(${configured}::jsonb) as c(pattern)
      where lower(${nameExpr}) like c.pattern escape '!')
    or exists (select 1 from process_instances spi
      join process_definitions spd on spd.key = spi.process_definition_key
      cross join jsonb_array_elements_text(coalesce(spd.model->'sensitiveVariables', '[]'::jsonb)) as p(pattern)
      where spi.key = ${instanceKeyExpr} and lower(${nameExpr}) like ${processLike} escape '!'))`;
}

/**
 * A variable search whose `value` filter and sort cannot see sensitive values the viewer may not
 * read (else a filter would tell them apart one guess at a time): for it they are null.
 */
export function hideSensitiveValues<Item>(
  spec: SearchSpec<Item>,
  view: VariableView,
  clear = view.readsSensitive,
): SearchSpec<Item> {
  if (clear) return spec;
  const value = `(case when ${sensitiveNameSql(view, 'v.name', 'v.process_instance_key')} then null else v.value::text end)`;
  return {
    ...spec,
    filters: { ...spec.filters, value: { kind: 'string', expr: value } },
    sorts: { ...spec.sorts, value: { expr: value, nullable: true } },
  };
}

/** A search with variable-value filters (`variables`, `processInstanceVariables`, …) that skip sensitive ones. */
export function hideSensitiveValueFilters<Item>(
  spec: SearchSpec<Item>,
  view: VariableView,
  filters: Record<string, string>,
): SearchSpec<Item> {
  if (view.readsSensitive) return spec;
  const hidden = sensitiveNameSql(view, 'v.name', 'v.process_instance_key');
  const replaced = Object.fromEntries(
    Object.entries(filters).map(([name, scopeKey]) => [name, variableValuesFilter(scopeKey, hidden)]),
  );
  return { ...spec, filters: { ...spec.filters, ...replaced } };
}
