import type { RuleSet } from './rule-set.js';

const types = ['complaint', 'information_request', 'technical_incident', 'claim', 'procedure'];
const zones = ['north', 'south', 'east', 'west', 'centre'];
const priorities = ['low', 'normal', 'high', 'urgent'];
const languages = ['ca', 'es', 'en'];

/**
 * An assignment rule set of `size` rules (type × zone × priority × language, the last one a
 * catch-all), for benchmarks and tests: a case that matches no specific rule runs through all.
 */
export function assignmentRuleSetOfSize(size: number): RuleSet {
  const rules: RuleSet['rules'] = [];
  for (let i = 0; i < size - 1; i++) {
    rules.push({
      name: `rule-${i}`,
      priority: 10,
      conditions: {
        all: [
          { fact: 'case', path: '$.type', operator: 'equal', value: types[i % types.length] },
          {
            fact: 'case',
            path: '$.zone',
            operator: 'equal',
            value: zones[Math.floor(i / types.length) % zones.length],
          },
          {
            fact: 'case',
            path: '$.priority',
            operator: 'in',
            value: [priorities[i % 4], priorities[(i + 1) % 4]],
          },
          {
            any: [
              { fact: 'case', path: '$.language', operator: 'equal', value: languages[i % 3] },
              { fact: 'case', path: '$.language', operator: 'equal', value: 'en' },
            ],
          },
        ],
      },
      event: { type: 'assign', params: { group: `group-${i}`, strategy: 'least-loaded' } },
    });
  }
  rules.push({
    name: 'catch-all',
    priority: 1,
    conditions: { all: [] },
    event: { type: 'assign', params: { group: 'front-office', strategy: 'round-robin' } },
  });
  return {
    id: `assignment-${size}`,
    title: { ca: 'Prova', es: 'Prueba', en: 'Benchmark' },
    mode: 'first',
    rules,
  };
}
