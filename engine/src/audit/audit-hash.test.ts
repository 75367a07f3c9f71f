import { describe, expect, it } from 'vitest';
import { canonicalJson } from './audit-hash.js';

describe('canonicalJson', () => {
  it.each([
    [
      'sorted keys at every level',
      { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } },
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    ],
    ['strings escaped as JSON', { 'k"1': 'a\nb\\c' }, '{"k\\"1":"a\\nb\\\\c"}'],
    ['null and empty containers', { a: null, b: [], c: {} }, '{"a":null,"b":[],"c":{}}'],
  ])('writes %s', (_what, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it.each([
    ['undefined and functions in objects', { a: undefined, b: () => 1, c: 1 }],
    ['undefined, functions and NaN in arrays', [undefined, () => 1, Number.NaN, Infinity, 2]],
    ['dates', { at: new Date('2026-12-02T00:00:00.000Z'), list: [new Date(0)] }],
    ['nested objects with toJSON', { v: { toJSON: () => ({ b: 2, a: 1 }) } }],
    ['numbers', { a: 1.5, b: -0, c: 1e21, d: 0.1 }],
  ])('gives a value and its JSON round trip the same text: %s', (_what, value) => {
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });
});
