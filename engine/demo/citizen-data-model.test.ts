import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import documentSchema from '../../schemas/entity-type.schema.json' with { type: 'json' };
import { compileRecordValidator } from '../src/platform/entities/record-validator.js';
import type { EntityTypeDocument, FieldSchema } from '../src/platform/entities/entity-type.js';
import { validateEntityType } from '../src/platform/entities/validate-entity-type.js';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../definitions/entities');
const types = new Map<string, EntityTypeDocument>(
  readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(folder, file), 'utf8'))]),
);
const formatsOnly = new Ajv2020({ strict: false, validateFormats: false });
const checkDocument = formatsOnly.compile(documentSchema);

/** Every nested schema with `properties`, as [json pointer, property name, schema]. */
function* fields(schema: FieldSchema, at = ''): Generator<[string, string, FieldSchema]> {
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    yield [`${at}/properties/${name}`, name, field];
    yield* fields(field, `${at}/properties/${name}`);
    if (field.items) yield* fields(field.items, `${at}/properties/${name}/items`);
  }
}

describe('the citizen data model in definitions/entities', () => {
  it('ships every type the tender asks for', () => {
    expect([...types.keys()].sort()).toEqual(
      ['address', 'appointment', 'bank_account', 'case', 'consent', 'contract', 'document_link']
        .concat(['interaction', 'person', 'sepa_mandate', 'work_order'])
        .sort(),
    );
  });

  it.each([...types])('%s is a valid entity-type document', (_name, doc) => {
    expect(checkDocument(doc) ? [] : checkDocument.errors).toEqual([]);
    expect(validateEntityType(doc)).toEqual([]);
  });

  it.each([...types])('%s labels the type and every field in ca, es and en', (_name, doc) => {
    const unlabelled = [...fields(doc as FieldSchema)]
      .filter(([, , field]) => !['ca', 'es', 'en'].every((l) => (field['x-label'] as never)?.[l]))
      .map(([pointer]) => pointer);
    expect(unlabelled).toEqual([]);
    expect(Object.keys(doc['x-label']).sort()).toEqual(['ca', 'en', 'es']);
  });

  it.each([...types])('%s relates only to shipped types', (_name, doc) => {
    const targets = [
      ...Object.values(doc.properties).flatMap((f) => (f['x-relation'] ? [f['x-relation'].target] : [])),
      ...Object.values(doc['x-relations'] ?? {}).map((r) => r.target),
    ];
    expect(targets.filter((t) => !types.has(t))).toEqual([]);
  });

  it.each([...types])('%s does not index a unique field twice', (_name, doc) => {
    const both = Object.entries(doc.properties).filter(([, f]) => f['x-unique'] && f['x-index']);
    expect(both.map(([name]) => name)).toEqual([]);
  });

  const enumOf = (type: string, field: string) => types.get(type)!.properties[field]?.enum;
  it.each([
    ['case', 'type', ['complaint', 'information_request', 'technical_incident', 'claim', 'procedure']],
    ['case', 'status', ['open', 'in_progress', 'pending_information', 'resolved', 'closed']],
    ['case', 'priority', ['low', 'normal', 'high', 'urgent']],
    ['case', 'language', ['ca', 'es', 'en']],
    ['work_order', 'status', ['pending', 'accepted', 'started', 'paused', 'finished', 'closed', 'cancelled']],
    ['work_order', 'priority', ['low', 'normal', 'high', 'urgent']],
    ['person', 'kind', ['natural', 'legal']],
    ['bank_account', 'status', ['active', 'historic', 'pending_validation']],
  ])('%s.%s has the values of contract C3', (type, field, values) => {
    expect(enumOf(type, field)).toEqual(values);
  });

  it.each([
    ['case', 'reference personId type status priority channel area zone language subject description'],
    ['case', 'assignedGroup assignee openedAt resolvedAt closedAt'],
    ['work_order', 'caseId externalId status priority'],
    ['person', 'kind givenName surname1 surname2 companyName documents phones emails preferredLanguage'],
    ['person', 'birthDate preferredChannels vulnerable discounts punctual'],
  ])('%s has the fields other parts rely on: %s', (type, names) => {
    const missing = names.split(' ').filter((n) => !(n in types.get(type)!.properties));
    expect(missing).toEqual([]);
  });

  it('masks the IBAN but for its last 4 characters, for everyone but admins and integrations', () => {
    const iban = types.get('bank_account')!.properties.iban!;
    expect(iban['x-mask']).toEqual({ showLast: 4 });
    expect(iban['x-read-roles']).toEqual(['admin', 'integration']);
    expect(iban['x-pii']).toBe(true);
  });

  it('relates people to contracts with the roles of RQ27.2', () => {
    expect(types.get('person')!['x-relations']!.contracts).toMatchObject({
      target: 'contract',
      cardinality: 'many',
      roles: ['holder', 'owner', 'authorised', 'payer'],
    });
  });

  const person = compileRecordValidator(types.get('person')!);
  const address = compileRecordValidator(types.get('address')!);
  it.each([
    [
      'a full natural person',
      person,
      { kind: 'natural', givenName: 'Núria', surname1: 'Puig', surname2: 'Soler' },
      [],
    ],
    ['a natural person without surname', person, { kind: 'natural', givenName: 'Núria' }, ['/surname1']],
    ['a legal person without company name', person, { kind: 'legal' }, ['/companyName']],
    [
      'a punctual contact with a free name only',
      person,
      { kind: 'natural', punctual: true, freeName: 'Veí del 3r' },
      [],
    ],
    [
      'a punctual contact with no name at all',
      person,
      { kind: 'natural', punctual: true, contactChannel: 'phone' },
      ['/freeName', '/givenName', '/companyName'],
    ],
    [
      'a DNI with a wrong letter',
      person,
      { kind: 'natural', givenName: 'A', surname1: 'B', documents: [{ type: 'dni', number: '12345678A' }] },
      ['/documents/0/number'],
    ],
    [
      'a valid DNI and NIE',
      person,
      {
        kind: 'natural',
        givenName: 'A',
        surname1: 'B',
        documents: [
          { type: 'dni', number: '12345678Z' },
          { type: 'nie', number: 'X1234567L' },
        ],
      },
      [],
    ],
    [
      'a structured address',
      address,
      {
        kind: 'structured',
        streetCode: '00123',
        streetName: 'Carrer Major',
        number: '5',
        postcode: '43820',
        municipality: 'Calafell',
      },
      [],
    ],
    [
      'a structured address without street code',
      address,
      {
        kind: 'structured',
        streetName: 'Carrer Major',
        number: '5',
        postcode: '43820',
        municipality: 'Calafell',
      },
      ['/streetCode'],
    ],
    [
      'a free-text address outside the municipality',
      address,
      { kind: 'free', freeText: '10 Downing Street, London', country: 'GB' },
      [],
    ],
    ['a bad postcode', address, { kind: 'free', freeText: 'x', postcode: '99999' }, ['/postcode']],
  ])('accepts or refuses %s', (_what, validator, data, failing) => {
    const result = validator.check(data, 'en');
    const paths = result.ok ? [] : [...new Set(result.errors.map((e) => e.path))];
    for (const p of failing) expect(paths).toContain(p);
    if (failing.length === 0) expect(paths).toEqual([]);
  });
});
