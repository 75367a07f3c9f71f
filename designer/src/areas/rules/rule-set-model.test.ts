import { describe, expect, it } from 'vitest';
import { newRule, newRuleSet, paramRows, paramsOf, paramValue, withEventParams } from './rule-set-model';

describe('the rule set the editor works on', () => {
  it('starts an empty set in "first" mode titled by its id', () => {
    expect(newRuleSet('routing')).toEqual({
      id: 'routing',
      title: { ca: 'routing', es: 'routing', en: 'routing' },
      mode: 'first',
      rules: [],
    });
  });

  it('names a new rule after its position, skipping names in use', () => {
    const first = newRule([]);
    expect(first.name).toBe('rule-1');
    expect(newRule([first, { ...first, name: 'rule-3' }]).name).toBe('rule-4');
    expect(first.conditions).toEqual({ all: [] });
  });

  it.each([
    ['42', 42],
    ['-1.5', -1.5],
    ['true', true],
    ['null', null],
    ['["a",1]', ['a', 1]],
    ['{"x":1}', { x: 1 }],
    ['[broken', '[broken'],
    ['support-north', 'support-north'],
    ['  7 ', 7],
    ['007a', '007a'],
  ])('reads the parameter text %j as %j', (text, value) => {
    expect(paramValue(text)).toEqual(value);
  });

  it('turns params into rows and back, dropping unnamed rows', () => {
    const params = { group: 'north', level: 2, tags: ['a'] };
    const rows = paramRows(params);
    expect(rows).toEqual([
      { name: 'group', text: 'north' },
      { name: 'level', text: '2' },
      { name: 'tags', text: '["a"]' },
    ]);
    expect(paramsOf([...rows, { name: ' ', text: 'lost' }])).toEqual(params);
    expect(paramsOf([])).toBeUndefined();
    expect(withEventParams({ type: 'assign', params }, [])).toEqual({ type: 'assign' });
    expect(withEventParams({ type: 'assign' }, [{ name: 'g', text: 'x' }])).toEqual({
      type: 'assign',
      params: { g: 'x' },
    });
  });
});
