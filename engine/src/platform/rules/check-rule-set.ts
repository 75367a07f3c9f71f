import type { DefinitionProblem } from '../definitions/definition-kind.js';
import { parseFactPath } from './fact-path.js';
import { needsListValue, resolveOperator } from './operators.js';
import {
  forEachLeaf,
  isFactReference,
  type Condition,
  type FactReference,
  type RuleSet,
} from './rule-set.js';

export const maxConditionDepth = 12;

function depthOf(condition: Condition): number {
  if ('fact' in condition) return 1;
  const children = 'all' in condition ? condition.all : 'any' in condition ? condition.any : [condition.not];
  return 1 + Math.max(0, ...children.map(depthOf));
}

function checkReference(
  ref: FactReference,
  pointer: string,
  knownFacts: ReadonlySet<string>,
  problems: DefinitionProblem[],
): void {
  if (!knownFacts.has(ref.fact)) {
    problems.push({ path: `${pointer}/fact`, message: `unknown fact "${ref.fact}"` });
  }
  if (ref.path !== undefined && !parseFactPath(ref.path)) {
    problems.push({
      path: `${pointer}/path`,
      message: `"${ref.path}" is not a supported path ($.a.b, $.list[0])`,
    });
  }
}

/** What a schema cannot say about conditions: operators and facts exist, paths parse, lists are lists. */
export function checkConditions(
  conditions: Condition,
  pointer: string,
  knownFacts: ReadonlySet<string>,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (depthOf(conditions) > maxConditionDepth) {
    problems.push({ path: pointer, message: `conditions nest deeper than ${maxConditionDepth} levels` });
    return problems;
  }
  forEachLeaf(conditions, pointer, (leaf, at) => {
    if (!resolveOperator(leaf.operator)) {
      problems.push({ path: `${at}/operator`, message: `unknown operator "${leaf.operator}"` });
    }
    checkReference(leaf, at, knownFacts, problems);
    if (isFactReference(leaf.value)) checkReference(leaf.value, `${at}/value`, knownFacts, problems);
    else if (needsListValue(leaf.operator) && !Array.isArray(leaf.value)) {
      problems.push({ path: `${at}/value`, message: `operator "${leaf.operator}" needs a list` });
    }
  });
  return problems;
}

/** Semantic checks of a schema-valid rule set against the facts the platform knows. */
export function checkRuleSet(ruleSet: RuleSet, builtInFacts: ReadonlySet<string>): DefinitionProblem[] {
  const known = new Set([...builtInFacts, ...(ruleSet.facts ?? []).map((f) => f.name)]);
  const problems: DefinitionProblem[] = [];
  const names = new Map<string, number>();
  ruleSet.rules.forEach((rule, i) => {
    const earlier = names.get(rule.name);
    if (earlier !== undefined) {
      problems.push({
        path: `/rules/${i}/name`,
        message: `"${rule.name}" is already the name of rule ${earlier}`,
      });
    } else names.set(rule.name, i);
    problems.push(...checkConditions(rule.conditions, `/rules/${i}/conditions`, known));
  });
  return problems;
}
