import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, contentText, entryHash, genesisHash, type HashedContent } from './audit-hash.js';

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

describe('contentText', () => {
  const base: HashedContent = {
    seq: '42',
    at: '2026-12-03T10:00:00.000Z',
    actorKind: 'user',
    actorId: 'u-"7"',
    channel: 'ui',
    requestId: null,
    action: 'update',
    entityType: 'person',
    entityId: 'p-1',
    subjectPersonId: null,
    changes: null,
  };
  it.each([
    ['no changes', base],
    [
      'changes with nested values and unicode',
      {
        ...base,
        requestId: 'r-1',
        subjectPersonId: 'p-1',
        changes: [{ path: '/name', old: 'Núria', new: { b: [1, null], a: '\u2028' } }],
      },
    ],
    ['a read', { ...base, action: 'read', changes: [] }],
  ])('is canonicalJson of the content (%s), so hashes stay those verify recomputes', (_name, content) => {
    expect(contentText(content)).toBe(canonicalJson(content));
    expect(contentText(content, canonicalJson(content.changes))).toBe(canonicalJson(content));
    expect(entryHash(genesisHash, content)).toBe(
      createHash('sha256').update(genesisHash).update('\n').update(canonicalJson(content)).digest('hex'),
    );
  });
});
