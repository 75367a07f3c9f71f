import { describe, expect, it } from 'vitest';
import {
  applyField,
  fieldOf,
  fieldProblems,
  fieldsOf,
  gridLayout,
  linksOf,
  newField,
  propertyOf,
  removeField,
  type EntitySchema,
  type FieldModel,
} from './entity-schema';

const label = (text: string) => ({ ca: text, es: text, en: text });

const person: EntitySchema = {
  type: 'object',
  'x-label': label('Person'),
  required: ['kind', 'surname1'],
  properties: {
    kind: { type: 'string', enum: ['natural', 'legal'], 'x-label': label('Kind'), 'x-index': 'btree' },
    surname1: { type: 'string', maxLength: 100, 'x-label': label('Surname'), 'x-pii': true },
    iban: { type: 'string', format: 'iban', 'x-mask': { showLast: 4 }, 'x-read-roles': ['admin'] },
    phones: { type: 'array', items: { type: 'string', format: 'phone' }, 'x-label': label('Phones') },
    address: { type: ['string', 'null'], 'x-relation': { target: 'address', cardinality: 'one' } },
  },
  'x-relations': { contracts: { target: 'contract', cardinality: 'many' } },
};

describe('reading fields from an entity type', () => {
  it('turns each property into the field editor’s model', () => {
    const fields = fieldsOf(person);
    expect(fields.map((f) => f.name)).toEqual(['kind', 'surname1', 'iban', 'phones', 'address']);
    expect(fields[0]).toMatchObject({
      type: 'string',
      required: true,
      enum: ['natural', 'legal'],
      index: 'btree',
      unique: false,
    });
    expect(fields[1]).toMatchObject({ required: true, maxLength: 100, pii: true });
    expect(fields[2]).toMatchObject({
      format: 'iban',
      mask: { showLast: 4 },
      readRoles: ['admin'],
      label: label('iban'),
    });
    expect(fields[4]).toMatchObject({ type: 'string', relation: { target: 'address', cardinality: 'one' } });
  });
});

describe('writing a field back', () => {
  const surname = fieldOf('surname1', person.properties.surname1!, true);

  it('keeps what the editor does not own (items, default, nullability) and drops what no longer applies', () => {
    const phones = fieldOf('phones', person.properties.phones!, false);
    expect(propertyOf({ ...phones, pii: true }, person.properties.phones)).toEqual({
      type: 'array',
      items: { type: 'string', format: 'phone' },
      'x-label': label('Phones'),
      'x-pii': true,
    });
    const address = fieldOf('address', person.properties.address!, false);
    expect(propertyOf(address, person.properties.address).type).toEqual(['string', 'null']);
    expect(propertyOf({ ...surname, type: 'integer', minimum: 1 }, person.properties.surname1)).toEqual({
      type: 'integer',
      minimum: 1,
      'x-label': label('Surname'),
      'x-pii': true,
    });
  });

  it('adds a new field at the end, required when asked', () => {
    const field: FieldModel = {
      ...newField(),
      name: 'nickname',
      label: label('Nickname'),
      required: true,
      maxLength: 40,
    };
    const next = applyField(person, null, field);
    expect(Object.keys(next.properties).at(-1)).toBe('nickname');
    expect(next.properties.nickname).toEqual({ type: 'string', maxLength: 40, 'x-label': label('Nickname') });
    expect(next.required).toEqual(['kind', 'surname1', 'nickname']);
    expect(person.properties.nickname).toBeUndefined();
  });

  it('renames a field in place, in the properties and in required', () => {
    const next = applyField(person, 'surname1', { ...surname, name: 'firstSurname' });
    expect(Object.keys(next.properties)).toEqual(['kind', 'firstSurname', 'iban', 'phones', 'address']);
    expect(next.required).toEqual(['kind', 'firstSurname']);
  });

  it('makes a field optional, and removes a field with its required entry', () => {
    expect(applyField(person, 'surname1', { ...surname, required: false }).required).toEqual(['kind']);
    const without = removeField(removeField(person, 'kind'), 'surname1');
    expect(without.required).toBeUndefined();
    expect(Object.keys(without.properties)).toEqual(['iban', 'phones', 'address']);
  });
});

describe('checking a field in the browser', () => {
  const base: FieldModel = { ...newField(), name: 'nickname', label: label('Nickname') };
  it.each([
    [base, {}],
    [{ ...base, name: '9lives' }, { name: 'name' }],
    [{ ...base, name: 'kind' }, { name: 'nameTaken' }],
    [{ ...base, minLength: 5, maxLength: 2 }, { maxLength: 'range' }],
    [{ ...base, type: 'number', minimum: 10, maximum: 1 }, { maximum: 'range' }],
    [{ ...base, pattern: '([a-z' }, { pattern: 'pattern' }],
    [{ ...base, label: { ...label('x'), es: ' ' } }, { label: 'label' }],
    [{ ...base, type: 'array', unique: true }, { unique: 'uniqueScalar' }],
  ] as [FieldModel, object][])('%j has problems %j', (field, expected) => {
    expect(fieldProblems(field, ['kind', 'surname1'])).toEqual(expected);
  });
});

describe('the data-model graph', () => {
  it('links fields with x-relation and named x-relations to known types only', () => {
    const types = [
      { name: 'person', schema: person },
      { name: 'address', schema: { ...person, properties: {}, 'x-relations': undefined } },
      { name: 'draft_only', schema: null },
    ];
    expect(linksOf(types)).toEqual([
      { source: 'person', target: 'address', name: 'address', cardinality: 'one', kind: 'field' },
    ]);
    const withContract = [
      ...types,
      { name: 'contract', schema: { ...person, properties: {}, 'x-relations': undefined } },
    ];
    expect(linksOf(withContract).map((l) => `${l.source}->${l.target}:${l.kind}`)).toEqual([
      'person->address:field',
      'person->contract:relation',
    ]);
  });

  it('lays nodes out on a grid without overlap', () => {
    const layout = gridLayout(['a', 'b', 'c', 'd', 'e']);
    expect(layout.a).toEqual({ x: 0, y: 0 });
    expect(layout.c).toEqual({ x: 520, y: 0 });
    expect(layout.d).toEqual({ x: 0, y: 150 });
    expect(new Set(Object.values(layout).map((p) => `${p.x},${p.y}`)).size).toBe(5);
  });
});
