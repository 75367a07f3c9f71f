import type { RuleSet } from '../src/platform/rules/rule-set.js';

const types = ['complaint', 'information_request', 'technical_incident', 'claim', 'procedure'];
const zones = ['north', 'south', 'east', 'west', 'centre'];
const priorities = ['low', 'normal', 'high', 'urgent'];
const languages = ['ca', 'es', 'en'];

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** An assignment rule set of `size` rules: type × zone × (urgent/high or normal/low) × language. */
export function assignmentRuleSet(size: number): RuleSet {
  const rules: RuleSet['rules'] = [];
  for (let i = 0; i < size; i++) {
    const type = types[i % types.length]!;
    const zone = zones[Math.floor(i / types.length) % zones.length]!;
    const pressing = Math.floor(i / (types.length * zones.length)) % 2 === 0;
    rules.push({
      name: `assign-${i}`,
      priority: size - i,
      conditions: {
        all: [
          { fact: 'case', path: '$.type', operator: 'equal', value: type },
          { fact: 'case', path: '$.zone', operator: 'equal', value: zone },
          {
            fact: 'case',
            path: '$.priority',
            operator: 'in',
            value: pressing ? ['urgent', 'high'] : ['normal', 'low'],
          },
          {
            fact: 'case',
            path: '$.language',
            operator: 'in',
            value: i % 3 === 0 ? ['ca'] : ['ca', 'es', 'en'],
          },
        ],
      },
      event: { type: 'assign', params: { group: `${type}-${zone}-${pressing ? 'priority' : 'standard'}` } },
    });
  }
  return {
    id: 'bench-assignment',
    title: {
      ca: 'Assignació (banc de proves)',
      es: 'Asignación (banco de pruebas)',
      en: 'Assignment (benchmark)',
    },
    mode: 'first',
    rules,
  };
}

export function randomCase(): Record<string, string> {
  return { type: pick(types), zone: pick(zones), priority: pick(priorities), language: pick(languages) };
}
