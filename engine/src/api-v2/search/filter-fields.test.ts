import { describe, expect, it } from 'vitest';
import { conditionsOf, filterSchema, likePattern, type FilterField } from './filter-fields.js';

describe('likePattern', () => {
  it.each([
    ['abc', 'abc'],
    ['a*', 'a%'],
    ['a?c', 'a_c'],
    ['100%_done', '100\\%\\_done'],
    ['literal \\* star', 'literal * star'],
    ['back\\\\slash', 'back\\\\slash'],
  ])('%s → %s', (like, sql) => {
    expect(likePattern(like)).toBe(sql);
  });
});

describe('conditionsOf', () => {
  const string: FilterField = { kind: 'string', expr: 't.name' };
  const states: FilterField = {
    kind: 'enum',
    expr: 't.state',
    values: { CREATED: ['CREATED', 'ACTIVATED'], FAILED: ['FAILED', 'NO_RETRIES'], TIMED_OUT: [] },
  };

  it('an exact value is $eq; operators are ANDed; values are bindings', () => {
    expect(conditionsOf(string, 'ada')).toEqual([{ sql: 't.name = ?::text', bindings: ['ada'] }]);
    expect(conditionsOf(string, { $neq: 'x', $exists: true, $in: ['a', 'b'] })).toEqual([
      { sql: 't.name is distinct from ?::text', bindings: ['x'] },
      { sql: 't.name is not null', bindings: [] },
      { sql: 't.name in (?::text, ?::text)', bindings: ['a', 'b'] },
    ]);
    expect(conditionsOf(string, { $in: [] })).toEqual([{ sql: 'false', bindings: [] }]);
  });

  it('enum values map to the stored values they stand for', () => {
    expect(conditionsOf(states, 'CREATED')).toEqual([
      { sql: 't.state in (?::text, ?::text)', bindings: ['CREATED', 'ACTIVATED'] },
    ]);
    expect(conditionsOf(states, 'TIMED_OUT')).toEqual([{ sql: 'false', bindings: [] }]);
    expect(conditionsOf(states, { $like: '*ED' })).toEqual([
      {
        sql: 't.state in (?::text, ?::text, ?::text, ?::text)',
        bindings: ['CREATED', 'ACTIVATED', 'FAILED', 'NO_RETRIES'],
      },
    ]);
    expect(conditionsOf(states, { $neq: 'FAILED' })).toEqual([
      { sql: '(t.state is null or t.state not in (?::text, ?::text))', bindings: ['FAILED', 'NO_RETRIES'] },
    ]);
  });

  it('list fields match when any element matches', () => {
    const groups: FilterField = { kind: 'stringList', expr: 't.groups' };
    expect(conditionsOf(groups, 'legal')).toEqual([
      {
        sql: 'exists (select 1 from jsonb_array_elements_text(t.groups) as e(v) where e.v = ?::text)',
        bindings: ['legal'],
      },
    ]);
    expect(conditionsOf(groups, { $exists: false })).toEqual([
      { sql: 'jsonb_array_length(t.groups) = 0', bindings: [] },
    ]);
  });
});

describe('filterSchema', () => {
  const schema = filterSchema({
    name: { kind: 'string', expr: 'n' },
    key: { kind: 'key', expr: 'k' },
    count: { kind: 'integer', expr: 'c' },
    at: { kind: 'date', expr: 'a' },
  });

  it('accepts values and operators of the right types', () => {
    expect(
      schema.safeParse({
        name: { $like: 'a*' },
        key: '123',
        count: { $gte: 2 },
        at: '2030-01-01T00:00:00+02:00',
      }).success,
    ).toBe(true);
  });

  it.each([
    [{ colour: 'red' }],
    [{ key: 'abc' }],
    [{ key: 12 }],
    [{ count: 1.5 }],
    [{ count: 2 ** 31 }],
    [{ key: '9223372036854775808' }],
    [{ at: 'yesterday' }],
    [{ name: { $regex: 'x' } }],
    [{ key: { $like: '1*' } }],
  ])('refuses %j', (filter) => {
    expect(schema.safeParse(filter).success).toBe(false);
  });
});
