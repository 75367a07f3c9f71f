import { describe, expect, it } from 'vitest';
import { compileRuleSet } from './compile-rule-set.js';
import { ExplainingEngine, RuleEvaluationError } from './explain-rule-set.js';
import { decoratorNames, operatorNames } from './operators.js';
import type { Condition, RuleSet } from './rule-set.js';
import { ruleSetKind } from './rule-set-kind.js';
import { assignmentRuleSet, randomCase } from '../../../bench/sla-bench-data.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const scalars = [0, 1, 2, 5, -3, 2.5, '1', '5', 'a', 'b', '', true, false, null];
const paths = ['$.n', '$.s', '$.list', '$.list[0]', '$.deep.n', '$.missing', undefined];

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const value = (): unknown => {
    const roll = next();
    if (roll < 0.55) return pick(scalars);
    if (roll < 0.8) return [pick(scalars), pick(scalars)];
    if (roll < 0.9) return { fact: 'other', path: pick(['$.n', '$.s', '$.list']) };
    return [[pick(scalars)], pick(scalars)];
  };
  const operator = () => {
    const base = pick(operatorNames);
    const decorators = ['in', 'notIn'].includes(base) ? ['someFact', 'everyFact', 'not'] : decoratorNames;
    const roll = next();
    if (roll < 0.7) return base;
    if (roll < 0.9) return `${pick(decorators)}:${base}`;
    return `${pick(decorators)}:${pick(['not', 'someFact', 'everyFact'])}:${base}`;
  };
  const leaf = (): Condition => {
    const path = pick(paths);
    const op = operator();
    const v = value();
    const listOp = /(^|:)(in|notIn)$/.test(op);
    return {
      fact: pick(['main', 'other', 'absent']),
      ...(path ? { path } : {}),
      operator: op,
      value: listOp && !Array.isArray(v) ? [v] : v,
    };
  };
  const condition = (depth: number): Condition => {
    if (depth > 2 || next() < 0.5) return leaf();
    const children = Array.from({ length: Math.floor(next() * 4) }, () => condition(depth + 1));
    const roll = next();
    return roll < 0.45 ? { all: children } : roll < 0.9 ? { any: children } : { not: condition(depth + 1) };
  };
  const factObject = () => ({
    n: pick(scalars),
    s: pick(scalars),
    list: [pick(scalars), pick(scalars), pick(scalars)],
    deep: { n: pick(scalars) },
  });
  return {
    ruleSet(): RuleSet {
      const rules = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => ({
        name: `r${i}`,
        priority: 1 + Math.floor(next() * 3),
        conditions:
          next() < 0.5 ? { all: [condition(1), condition(1)] } : { any: [condition(1), condition(1)] },
        event: { type: 'hit', params: { rule: i } },
      }));
      return {
        id: 'generated',
        title: { ca: 'g', es: 'g', en: 'g' },
        mode: next() < 0.5 ? 'first' : 'all',
        rules,
      };
    },
    facts: () => ({ main: next() < 0.9 ? factObject() : pick(scalars), other: factObject() }),
  };
}

/** An operator json-rules-engine cannot apply (`in` on a number): there the compiled one says false. */
function throwsInEngine(error: unknown): boolean {
  return error instanceof TypeError || error instanceof RuleEvaluationError;
}

describe('the compiled evaluator agrees with json-rules-engine', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('on 60 generated rule sets × 10 fact sets (seed %i)', async (seed) => {
    const gen = generator(seed);
    let compared = 0;
    for (let r = 0; r < 60; r++) {
      const ruleSet = gen.ruleSet();
      const compiled = compileRuleSet(ruleSet);
      const reference = new ExplainingEngine(ruleSet);
      for (let f = 0; f < 10; f++) {
        const facts = gen.facts();
        const expected = await reference.run(facts).catch((error: unknown) => {
          if (throwsInEngine(error)) return undefined;
          throw error;
        });
        if (!expected) continue;
        const actual = compiled(facts);
        expect(actual.events, JSON.stringify({ ruleSet, facts })).toEqual(expected.events);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('explanations', () => {
  it('give every leaf a fact value and a result, also the ones json-rules-engine skipped', async () => {
    const ruleSet: RuleSet = {
      id: 'x',
      title: { ca: 'x', es: 'x', en: 'x' },
      mode: 'all',
      rules: [
        {
          name: 'short-circuit',
          conditions: {
            all: [
              { fact: 'case', path: '$.n', operator: 'equal', value: 1, priority: 10 },
              { fact: 'case', path: '$.s', operator: 'equal', value: 'b', priority: 1 },
            ],
          },
          event: { type: 'hit' },
        },
      ],
    };
    const explanation = await new ExplainingEngine(ruleSet).run({ case: { n: 2, s: 'b' } });
    expect(explanation.rules[0]).toMatchObject({
      fired: false,
      conditions: {
        result: false,
        all: [
          { factResult: 2, result: false },
          { factResult: 'b', result: true, skipped: true },
        ],
      },
    });
  });
});

describe('the 50-rule assignment set of the benchmark', () => {
  const ruleSet = assignmentRuleSet(50);

  it('is a valid rule set', () => {
    expect(ruleSetKind.validate(ruleSet)).toEqual([]);
  });

  it('picks the same group as json-rules-engine for 200 random cases', async () => {
    const compiled = compileRuleSet(ruleSet);
    const reference = new ExplainingEngine(ruleSet);
    let assigned = 0;
    for (let i = 0; i < 200; i++) {
      const facts = { case: randomCase() };
      const expected = await reference.run(facts);
      expect(compiled(facts).events, JSON.stringify(facts)).toEqual(expected.events);
      assigned += expected.events.length;
    }
    expect(assigned).toBeGreaterThan(0);
  });
});
