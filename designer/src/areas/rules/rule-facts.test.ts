import { describe, expect, it } from 'vitest';
import { ruleFacts } from './rule-facts';
import { newRuleSet, type RuleSet } from './rule-set-model';

const entityFacts = [
  { fact: 'case', fields: [{ path: 'priority', type: 'string' as const, enum: ['low', 'urgent'] }] },
  { fact: 'work_order', fields: [{ path: 'status', type: 'string' as const }] },
];

describe('the facts the rule editor offers', () => {
  it('names supplied facts as the engine does, with their entity type’s fields', () => {
    const facts = ruleFacts(entityFacts, newRuleSet('x'));
    expect(facts.find((f) => f.fact === 'case')?.fields).toEqual(entityFacts[0]!.fields);
    expect(facts.find((f) => f.fact === 'workOrder')?.fields).toEqual(entityFacts[1]!.fields);
    expect(facts.find((f) => f.fact === 'work_order')).toBeUndefined();
    expect(facts.find((f) => f.fact === 'personOpenCases')).toEqual({
      fact: 'personOpenCases',
      fields: [],
      type: 'number',
    });
  });

  it('adds declared facts and facts the rules already use, once each', () => {
    const ruleSet: RuleSet = {
      ...newRuleSet('x'),
      facts: [{ name: 'score' }],
      rules: [
        {
          name: 'a',
          conditions: {
            all: [
              { fact: 'score', operator: 'greaterThan', value: 3 },
              { any: [{ fact: 'channelLoad', operator: 'lessThan', value: 2 }] },
            ],
          },
          event: { type: 't' },
        },
        {
          name: 'b',
          conditions: {
            not: { all: [{ fact: 'case', path: '$.priority', operator: 'equal', value: 'low' }] },
          },
          event: { type: 't' },
        },
      ],
    };
    const names = ruleFacts(entityFacts, ruleSet).map((f) => f.fact);
    expect(names.filter((n) => n === 'score')).toHaveLength(1);
    expect(names).toContain('channelLoad');
    expect(names.filter((n) => n === 'case')).toHaveLength(1);
  });
});
