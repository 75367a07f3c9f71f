import { describe, expect, it } from 'vitest';
import { factFieldsFromSchema, fieldOfPath, jsonPathOf, recordFact } from './fact-catalogue';
import { coerceValue, operatorFor, takesList, typeOfValue } from './operators';

describe('operators and values of a condition', () => {
  it.each([
    ['urgent', 'string', 'in', ['urgent']],
    [['a', 'b'], 'string', 'equal', 'a'],
    ['12', 'number', 'greaterThan', 12],
    ['x', 'number', 'lessThan', 0],
    [['1', '2'], 'number', 'notIn', [1, 2]],
    ['true', 'boolean', 'equal', true],
    [undefined, 'string', 'equal', ''],
    ['', 'string', 'in', []],
    [5, 'array', 'contains', '5'],
  ] as const)('coerces %j for a %s fact and %s to %j', (value, type, operator, expected) => {
    expect(coerceValue(value, type, operator)).toEqual(expected);
  });

  it.each([
    ['number', 'greaterThan', 'greaterThan'],
    ['string', 'greaterThan', 'equal'],
    ['array', 'equal', 'contains'],
    ['boolean', 'notEqual', 'notEqual'],
  ] as const)('for a %s fact keeps or replaces %s with %s', (type, current, expected) => {
    expect(operatorFor(type, current)).toBe(expected);
  });

  it('knows which operators take a list and guesses a type from a value', () => {
    expect([takesList('in'), takesList('notIn'), takesList('equal')]).toEqual([true, true, false]);
    expect([typeOfValue(3), typeOfValue([true]), typeOfValue('x'), typeOfValue(null)]).toEqual([
      'number',
      'boolean',
      'string',
      'string',
    ]);
  });
});

describe('the facts the builder offers', () => {
  it('reads the fields of an entity type schema with their types and enum values', () => {
    const schema = {
      properties: {
        priority: { type: 'string', enum: ['low', 'high'] },
        amount: { type: ['number', 'null'] },
        count: { type: 'integer' },
        vip: { type: 'boolean' },
        tags: { type: 'array', items: { enum: ['a', 'b'] } },
        note: { type: 'string' },
      },
    };
    expect(factFieldsFromSchema(schema)).toEqual([
      { path: 'priority', type: 'string', enum: ['low', 'high'] },
      { path: 'amount', type: 'number' },
      { path: 'count', type: 'number' },
      { path: 'vip', type: 'boolean' },
      { path: 'tags', type: 'array', enum: ['a', 'b'] },
      { path: 'note', type: 'string' },
    ]);
    expect(factFieldsFromSchema(null)).toEqual([]);
  });

  it('offers an SLA policy the fields of its record type under the fact "record"', () => {
    const [record] = recordFact('work_order');
    expect(record?.fact).toBe('record');
    expect(record?.fields.find((f) => f.path === 'status')?.enum).toContain('paused');
    expect(recordFact('unknown')[0]?.fields).toEqual([]);
  });

  it('converts between field names and JSONPath', () => {
    expect([
      jsonPathOf('priority'),
      jsonPathOf(''),
      fieldOfPath('$.priority'),
      fieldOfPath(undefined),
    ]).toEqual(['$.priority', undefined, 'priority', '']);
  });
});
