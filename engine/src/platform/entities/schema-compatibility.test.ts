import { describe, expect, it } from 'vitest';
import type { EntityTypeDocument, FieldSchema } from './entity-type.js';
import { breakingChanges } from './schema-compatibility.js';

const doc = (properties: Record<string, FieldSchema>, required: string[] = []): EntityTypeDocument => ({
  type: 'object',
  'x-label': { ca: 'T', es: 'T', en: 'T' },
  properties,
  required,
});

const base = doc(
  {
    name: { type: 'string', maxLength: 50 },
    status: { type: 'string', enum: ['open', 'closed'] },
    count: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string' } },
  },
  ['name'],
);

function changed(edit: (d: EntityTypeDocument) => void): EntityTypeDocument {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

describe('schema compatibility', () => {
  it.each<[string, (d: EntityTypeDocument) => void, string[]]>([
    ['a new optional field', (d) => (d.properties.extra = { type: 'string' }), []],
    ['a new enum value', (d) => (d.properties.status!.enum as string[]).push('pending'), []],
    ['a relaxed maxLength', (d) => (d.properties.name!.maxLength = 100), []],
    ['a dropped minimum', (d) => delete d.properties.count!.minimum, []],
    ['a required field dropped from required', (d) => (d.required = []), []],
    ['integer widened to number', (d) => (d.properties.count!.type = 'number'), []],
    [
      'a new required field with a default',
      (d) => {
        d.properties.lang = { type: 'string', default: 'ca' };
        d.required!.push('lang');
      },
      [],
    ],
    ['a removed field', (d) => delete d.properties.tags, ['/tags field removed']],
    [
      'a retyped field',
      (d) => (d.properties.count!.type = 'string'),
      ['/count type changed from "integer" to "string"'],
    ],
    [
      'a new required field without a default',
      (d) => {
        d.properties.lang = { type: 'string' };
        d.required!.push('lang');
      },
      ['/lang became required without a default'],
    ],
    [
      'an optional field made required',
      (d) => d.required!.push('count'),
      ['/count became required without a default'],
    ],
    [
      'a removed enum value',
      (d) => (d.properties.status!.enum = ['open']),
      ['/status enum no longer allows "closed"'],
    ],
    [
      'a tightened maxLength',
      (d) => (d.properties.name!.maxLength = 10),
      ['/name maxLength changed from 50 to 10'],
    ],
    [
      'a new pattern',
      (d) => (d.properties.name!.pattern = '^[A-Z]'),
      ['/name pattern changed from null to "^[A-Z]"'],
    ],
    [
      'a new format',
      (d) => (d.properties.name!.format = 'email'),
      ['/name format changed from null to "email"'],
    ],
    [
      'retyped array items',
      (d) => (d.properties.tags!.items = { type: 'integer' }),
      ['/tags/items type changed from "string" to "integer"'],
    ],
    ['a field made unique', (d) => (d.properties.name!['x-unique'] = true), ['/name became unique']],
  ])('%s', (_what, edit, expected) => {
    expect(breakingChanges(base, changed(edit)).map((c) => `${c.path} ${c.message}`)).toEqual(expected);
  });
});
