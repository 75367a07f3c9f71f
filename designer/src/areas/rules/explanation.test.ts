import { describe, expect, it } from 'vitest';
import { held, nodeChildren, nodeKind, parseFacts, showValue, type ExplainedCondition } from './explanation';

const yes: ExplainedCondition = {
  fact: 'case',
  path: '$.priority',
  operator: 'equal',
  value: 'urgent',
  factResult: 'urgent',
  result: true,
};
const no: ExplainedCondition = {
  fact: 'case',
  path: '$.zone',
  operator: 'equal',
  value: 'north',
  factResult: 'south',
  result: false,
};
const unknown: ExplainedCondition = { fact: 'case', operator: 'equal', value: 1 };

describe('reading an evaluation explanation', () => {
  it.each([
    [yes, true],
    [no, false],
    [unknown, undefined],
    [{ all: [yes, no] }, false],
    [{ all: [yes, yes] }, true],
    [{ any: [no, yes] }, true],
    [{ any: [no, unknown] }, false],
    [{ not: no }, true],
    [{ not: { any: [yes] } }, false],
    [{ not: unknown }, undefined],
    [{ all: [yes, no], result: true }, true],
  ] as [ExplainedCondition, boolean | undefined][])('%j held: %s', (node, expected) => {
    expect(held(node)).toBe(expected);
  });

  it('names each node kind and its children', () => {
    expect([nodeKind({ all: [] }), nodeKind({ any: [] }), nodeKind({ not: yes }), nodeKind(yes)]).toEqual([
      'all',
      'any',
      'not',
      'leaf',
    ]);
    expect(nodeChildren({ not: yes })).toEqual([yes]);
    expect(nodeChildren(yes)).toEqual([]);
  });

  it.each([
    ['urgent', '"urgent"'],
    [3, '3'],
    [undefined, '—'],
    [['a'], '["a"]'],
  ])('shows %j as %s', (value, text) => {
    expect(showValue(value)).toBe(text);
  });

  it('accepts only a JSON object as sample facts', () => {
    expect(parseFacts('{"case":{"priority":"urgent"}}')).toEqual({ facts: { case: { priority: 'urgent' } } });
    expect(parseFacts('[1]')).toEqual({ error: 'object' });
    expect(parseFacts('null')).toEqual({ error: 'object' });
    expect(parseFacts('{oops')).toMatchObject({ error: 'json' });
  });
});
