import { describe, expect, it } from 'vitest';
import { parseVariables } from './parse-variables';

describe('parseVariables', () => {
  it.each([
    ['', {}],
    ['  \n', {}],
    ['{"topic":"fuita","priority":2}', { topic: 'fuita', priority: 2 }],
    ['{ "nested": { "list": [1, 2] } }', { nested: { list: [1, 2] } }],
  ])('reads %j', (text, variables) => {
    expect(parseVariables(text)).toEqual({ variables });
  });

  it.each([
    ['{topic: 1}', 'notJson'],
    ['[1, 2]', 'notObject'],
    ['"text"', 'notObject'],
    ['null', 'notObject'],
    ['42', 'notObject'],
    [`{"a":"${'x'.repeat(1_000_000)}"}`, 'tooLong'],
  ])('refuses %j as %s', (text, key) => {
    expect(parseVariables(text).error?.key).toBe(key);
  });
});
