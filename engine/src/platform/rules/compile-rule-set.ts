import { factKey, type FactValues } from './fact-key.js';
import { parseFactPath, readPath } from './fact-path.js';
import { resolveOperator } from './operators.js';
import {
  isFactReference,
  isLeaf,
  ruleOrder,
  type Condition,
  type FactReference,
  type LeafCondition,
  type RuleEvent,
  type RuleSet,
} from './rule-set.js';

export type CompiledCondition = (facts: FactValues) => boolean;

export interface LeafOutcome {
  factResult: unknown;
  valueResult: unknown;
  result: boolean;
}

export interface RuleSetOutcome {
  events: RuleEvent[];
  /** Indexes (into `rules`) of the rules whose conditions held, in run order. */
  fired: number[];
}

function compileReference(ref: FactReference): (facts: FactValues) => unknown {
  const key = factKey(ref.fact, ref.params);
  const segments = ref.path ? parseFactPath(ref.path) : undefined;
  if (ref.path && !segments) throw new Error(`unsupported path ${ref.path}`);
  if (!segments) return (facts) => facts[key];
  return (facts) => {
    const value = facts[key];
    return value !== null && typeof value === 'object' ? readPath(value, segments) : value;
  };
}

/** A leaf as a function giving the fact value, the compared value and the result. */
export function compileLeaf(leaf: LeafCondition): (facts: FactValues) => LeafOutcome {
  const operator = resolveOperator(leaf.operator);
  if (!operator) throw new Error(`unknown operator ${leaf.operator}`);
  const left = compileReference(leaf);
  const right = isFactReference(leaf.value) ? compileReference(leaf.value) : () => leaf.value;
  return (facts) => {
    const factResult = left(facts);
    const valueResult = right(facts);
    return { factResult, valueResult, result: safely(() => operator(factResult, valueResult)) };
  };
}

function safely(test: () => boolean): boolean {
  try {
    return test();
  } catch {
    return false;
  }
}

export function compileCondition(condition: Condition): CompiledCondition {
  if (isLeaf(condition)) {
    const operator = resolveOperator(condition.operator);
    if (!operator) throw new Error(`unknown operator ${condition.operator}`);
    const left = compileReference(condition);
    if (isFactReference(condition.value)) {
      const right = compileReference(condition.value);
      return (facts) => safely(() => operator(left(facts), right(facts)));
    }
    const value = condition.value;
    return (facts) => safely(() => operator(left(facts), value));
  }
  if ('all' in condition) {
    const parts = condition.all.map(compileCondition);
    return (facts) => {
      for (const part of parts) if (!part(facts)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compileCondition);
    if (parts.length === 0) return () => true;
    return (facts) => {
      for (const part of parts) if (part(facts)) return true;
      return false;
    };
  }
  const inner = compileCondition(condition.not);
  return (facts) => !inner(facts);
}

/**
 * A rule set as synchronous functions: the fast path (no explanation). Semantics are those of
 * json-rules-engine with this module's path resolver; an empty `any` holds, as it does there.
 */
export function compileRuleSet(ruleSet: RuleSet): (facts: FactValues) => RuleSetOutcome {
  const order = ruleOrder(ruleSet.rules);
  const rules = order.map((index) => ({
    index,
    test: compileCondition(ruleSet.rules[index]!.conditions),
    event: ruleSet.rules[index]!.event,
  }));
  const firstOnly = ruleSet.mode === 'first';
  return (facts) => {
    const events: RuleEvent[] = [];
    const fired: number[] = [];
    for (const rule of rules) {
      if (!rule.test(facts)) continue;
      fired.push(rule.index);
      events.push(rule.event);
      if (firstOnly) break;
    }
    return { events, fired };
  };
}
