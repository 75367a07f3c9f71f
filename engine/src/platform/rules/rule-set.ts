/** The rule-set document (schemas/rule-set.schema.json): json-rules-engine rules plus a mode. */
export interface FactReference {
  fact: string;
  path?: string;
  params?: Record<string, unknown>;
}

export interface LeafCondition extends FactReference {
  operator: string;
  value: unknown;
  name?: string;
  priority?: number;
}

export type NestedCondition =
  | { all: Condition[]; name?: string; priority?: number }
  | { any: Condition[]; name?: string; priority?: number }
  | { not: Condition; name?: string; priority?: number };

export type Condition = NestedCondition | LeafCondition;

export interface RuleEvent {
  type: string;
  params?: Record<string, unknown>;
}

export interface Rule {
  name: string;
  description?: string;
  priority?: number;
  conditions: NestedCondition;
  event: RuleEvent;
}

export interface RuleSet {
  id: string;
  title: { ca: string; es: string; en: string };
  description?: string;
  mode: 'first' | 'all';
  facts?: { name: string; description?: string }[];
  rules: Rule[];
}

export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'fact' in condition;
}

export function isFactReference(value: unknown): value is FactReference {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof (value as { fact?: unknown }).fact === 'string'
  );
}

/** The order rules run in: descending priority (default 1), then as listed. */
export function ruleOrder(rules: readonly Rule[]): number[] {
  return rules
    .map((rule, index) => ({ index, priority: rule.priority ?? 1 }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index)
    .map((entry) => entry.index);
}

/** Calls `visit` on every leaf with its JSON pointer. */
export function forEachLeaf(
  condition: Condition,
  pointer: string,
  visit: (leaf: LeafCondition, pointer: string) => void,
): void {
  if (isLeaf(condition)) visit(condition, pointer);
  else if ('all' in condition) condition.all.forEach((c, i) => forEachLeaf(c, `${pointer}/all/${i}`, visit));
  else if ('any' in condition) condition.any.forEach((c, i) => forEachLeaf(c, `${pointer}/any/${i}`, visit));
  else forEachLeaf(condition.not, `${pointer}/not`, visit);
}
