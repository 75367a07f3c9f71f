import { Almanac, Engine } from 'json-rules-engine';
import { compileLeaf } from './compile-rule-set.js';
import { factKey, type FactValues } from './fact-key.js';
import { resolveFactPath } from './fact-path.js';
import { isLeaf, ruleOrder, type Condition, type RuleEvent, type RuleSet } from './rule-set.js';

export type ExplainedCondition =
  | { all: ExplainedCondition[]; result: boolean }
  | { any: ExplainedCondition[]; result: boolean }
  | { not: ExplainedCondition; result: boolean }
  | {
      fact: string;
      path?: string;
      params?: Record<string, unknown>;
      operator: string;
      value: unknown;
      factResult: unknown;
      valueResult?: unknown;
      result: boolean;
      /** json-rules-engine did not need this leaf (short-circuit); its result is computed anyway. */
      skipped?: true;
    };

export interface ExplainedRule {
  name: string;
  fired: boolean;
  event: RuleEvent;
  conditions: ExplainedCondition;
}

export interface Explanation {
  events: RuleEvent[];
  rules: ExplainedRule[];
}

interface EngineLeafJson {
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}
type EngineJson = EngineLeafJson & { all?: EngineJson[]; any?: EngineJson[]; not?: EngineJson };

/** json-rules-engine gave up on a rule: an operator could not apply to the values it got. */
export class RuleEvaluationError extends Error {
  override readonly name = 'RuleEvaluationError';
}

const compiledLeaves = new WeakMap<Condition, ReturnType<typeof compileLeaf>>();

function explain(
  condition: Condition,
  fromEngine: EngineJson | undefined,
  facts: FactValues,
): ExplainedCondition {
  if (isLeaf(condition)) {
    const { fact, path, params, operator, value } = condition;
    const base = { fact, ...(path ? { path } : {}), ...(params ? { params } : {}), operator, value };
    if (fromEngine?.result !== undefined) {
      return {
        ...base,
        factResult: fromEngine.factResult,
        ...(fromEngine.valueResult !== undefined ? { valueResult: fromEngine.valueResult } : {}),
        result: fromEngine.result,
      };
    }
    let leaf = compiledLeaves.get(condition);
    if (!leaf) compiledLeaves.set(condition, (leaf = compileLeaf(condition)));
    const outcome = leaf(facts);
    return { ...base, factResult: outcome.factResult, result: outcome.result, skipped: true };
  }
  if ('all' in condition) {
    const all = condition.all.map((c, i) => explain(c, fromEngine?.all?.[i], facts));
    return { all, result: all.every((c) => c.result) };
  }
  if ('any' in condition) {
    const any = condition.any.map((c, i) => explain(c, fromEngine?.any?.[i], facts));
    return { any, result: any.length === 0 || any.some((c) => c.result) };
  }
  const not = explain(condition.not, fromEngine?.not, facts);
  return { not, result: !not.result };
}

/**
 * json-rules-engine, built once per rule-set version: the reference evaluation, with the
 * explanation of every rule (which fired, what every leaf saw and whether it held).
 */
export class ExplainingEngine {
  private readonly engine: Engine;

  constructor(private readonly ruleSet: RuleSet) {
    this.engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveFactPath });
    ruleSet.rules.forEach((rule, index) => {
      this.engine.addRule({
        name: String(index),
        priority: rule.priority ?? 1,
        conditions: rule.conditions as never,
        event: rule.event,
      });
    });
  }

  async run(facts: FactValues): Promise<Explanation> {
    const almanac = new Almanac({ allowUndefinedFacts: true, pathResolver: resolveFactPath });
    const keys = Object.keys(facts);
    const parametrised = new Set(
      keys.filter((key) => key.includes('{')).map((key) => key.replace(/\{.*$/, '')),
    );
    for (const key of keys) {
      if (!key.includes('{') && !parametrised.has(key)) almanac.addFact(key, facts[key]);
    }
    for (const name of parametrised) {
      almanac.addFact(name, (params: Record<string, unknown>) => facts[factKey(name, params)], {
        cache: false,
      });
    }
    const { results, failureResults } = await this.engine.run({}, { almanac });
    const byIndex = new Map<number, { fired: boolean; conditions: EngineJson }>();
    for (const [list, fired] of [
      [results, true],
      [failureResults, false],
    ] as const) {
      for (const result of list) {
        byIndex.set(Number(result.name), {
          fired,
          conditions: (result.toJSON(false) as { conditions: EngineJson }).conditions,
        });
      }
    }
    if (byIndex.size < this.ruleSet.rules.length) {
      const lost = this.ruleSet.rules.find((_, index) => !byIndex.has(index));
      throw new RuleEvaluationError(`rule "${lost?.name}" could not be evaluated on these facts`);
    }
    const rules = ruleOrder(this.ruleSet.rules).map((index) => {
      const rule = this.ruleSet.rules[index]!;
      const outcome = byIndex.get(index);
      return {
        name: rule.name,
        fired: outcome?.fired ?? false,
        event: rule.event,
        conditions: explain(rule.conditions, outcome?.conditions, facts),
      };
    });
    const fired = rules.filter((rule) => rule.fired).map((rule) => rule.event);
    return { events: this.ruleSet.mode === 'first' ? fired.slice(0, 1) : fired, rules };
  }
}
