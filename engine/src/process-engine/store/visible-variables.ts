/** An instance's live scopes (element instance key → its flow scope) and its variables by scope. */
export interface InstanceScopes {
  parents: Map<string, string>;
  variables: Map<string, Record<string, unknown>>;
}

export function instanceScopes(
  scopes: [key: string, flowScopeKey: string][],
  variables: [scopeKey: string, name: string, value: unknown][],
): InstanceScopes {
  const byScope = new Map<string, Record<string, unknown>>();
  for (const [scope, name, value] of variables) {
    const bucket = byScope.get(scope) ?? {};
    bucket[name] = value;
    byScope.set(scope, bucket);
  }
  return { parents: new Map(scopes), variables: byScope };
}

/**
 * The variables visible from an element instance: its scope chain up to the process instance,
 * inner scopes shadowing outer ones.
 */
export function visibleVariables(
  scopes: InstanceScopes,
  instanceKey: string,
  elementInstanceKey: string,
): Record<string, unknown> {
  const chain: string[] = [];
  for (let key: string | undefined = elementInstanceKey; key && key !== '-1'; key = scopes.parents.get(key)) {
    chain.push(key);
    if (key === instanceKey) break;
  }
  const merged: Record<string, unknown> = {};
  for (const key of chain.reverse()) Object.assign(merged, scopes.variables.get(key));
  return merged;
}
