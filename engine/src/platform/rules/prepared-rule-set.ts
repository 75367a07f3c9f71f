import { compileRuleSet, type RuleSetOutcome } from './compile-rule-set.js';
import { ExplainingEngine } from './explain-rule-set.js';
import { factKey, type FactValues } from './fact-key.js';
import { forEachLeaf, isFactReference, type FactReference, type RuleSet } from './rule-set.js';

export interface FactNeed {
  fact: string;
  params: Record<string, unknown>;
  key: string;
}

/**
 * A rule set made ready once per version: the compiled synchronous evaluator (fast path), the
 * json-rules-engine engine for explanations (built on first use), and the parametrised facts it reads.
 */
export class PreparedRuleSet {
  readonly run: (facts: FactValues) => RuleSetOutcome;
  readonly needs: FactNeed[];
  private explainer: ExplainingEngine | undefined;

  constructor(
    readonly ruleSet: RuleSet,
    readonly version: number | 'draft',
  ) {
    this.run = compileRuleSet(ruleSet);
    const needs = new Map<string, FactNeed>();
    const note = (ref: FactReference) => {
      const key = factKey(ref.fact, ref.params);
      if (!needs.has(key)) needs.set(key, { fact: ref.fact, params: ref.params ?? {}, key });
    };
    ruleSet.rules.forEach((rule) =>
      forEachLeaf(rule.conditions, '', (leaf) => {
        note(leaf);
        if (isFactReference(leaf.value)) note(leaf.value);
      }),
    );
    this.needs = [...needs.values()];
  }

  get explaining(): ExplainingEngine {
    this.explainer ??= new ExplainingEngine(this.ruleSet);
    return this.explainer;
  }
}
