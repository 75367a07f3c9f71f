import type {
  Rule as GeneratedRule,
  RuleSet as GeneratedRuleSet,
} from '../../../../schemas/types/rule-set.js';

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

export type RuleEvent = GeneratedRule['event'];

/** A rule; its conditions typed as the tree they are (the schema's if/then/else has no TypeScript form). */
export type Rule = Omit<GeneratedRule, 'conditions'> & { conditions: NestedCondition };

/** Generated from the schema (schemas/types/rule-set.d.ts, `npm run generate:types`). */
export type RuleSet = Omit<GeneratedRuleSet, 'rules'> & { rules: Rule[] };

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
