import { describe, expect, it } from 'vitest';
import { instanceScopes, visibleVariables } from './visible-variables.js';

// Instance 1 → sub-process 2 → task 3; task 4 sits directly in the instance.
const scopes = instanceScopes(
  [
    ['1', '-1'],
    ['2', '1'],
    ['3', '2'],
    ['4', '1'],
  ],
  [
    ['1', 'order', 'A-1'],
    ['1', 'zone', 'north'],
    ['2', 'zone', 'south'],
    ['3', 'local', true],
    ['4', 'other', 1],
  ],
);

describe('variables visible from an element instance', () => {
  it.each([
    ['the instance itself', '1', { order: 'A-1', zone: 'north' }],
    [
      'a task in a sub-process: inner scopes shadow outer ones',
      '3',
      { order: 'A-1', zone: 'south', local: true },
    ],
    ['a sibling task sees none of the sub-process', '4', { order: 'A-1', zone: 'north', other: 1 }],
    ['an element no longer alive: only its own variables', '9', {}],
  ])('%s', (_name, elementInstanceKey, expected) => {
    expect(visibleVariables(scopes, '1', elementInstanceKey)).toEqual(expected);
  });
});
