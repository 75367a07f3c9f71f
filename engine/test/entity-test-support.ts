import type { Role } from '../src/platform/auth/roles.js';
import { BrowserSession, createTestUser } from './http-client.js';
import type { Tramit } from '../src/server/tramit.js';
import type { EntityTypeDocument } from '../src/platform/entities/entity-type.js';

interface TestServer {
  url: string;
  tramit: Tramit;
}

const label = (en: string) => ({ ca: en, es: en, en });

/** A small citizen type exercising every annotation, for tests. */
export function citizenType(): EntityTypeDocument {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    'x-label': { ca: 'Ciutadà', es: 'Ciudadano', en: 'Citizen' },
    'x-pii': true,
    'x-search': { fullName: { fields: ['givenName', 'surname1', 'surname2'] } },
    'x-relations': { contracts: { target: 'supply', cardinality: 'many', roles: ['holder', 'payer'] } },
    required: ['givenName', 'surname1'],
    properties: {
      givenName: { type: 'string', minLength: 1, maxLength: 100, 'x-label': label('Given name') },
      surname1: {
        type: 'string',
        minLength: 1,
        maxLength: 100,
        'x-index': 'trigram',
        'x-label': label('Surname'),
      },
      surname2: { type: 'string', maxLength: 100, 'x-label': label('Second surname') },
      dni: { type: 'string', format: 'dni', 'x-unique': true, 'x-index': 'btree', 'x-label': label('DNI') },
      age: { type: 'integer', minimum: 0, maximum: 150, 'x-index': 'btree', 'x-label': label('Age') },
      status: {
        type: 'string',
        enum: ['active', 'inactive'],
        'x-index': 'btree',
        'x-label': label('Status'),
      },
      phones: {
        type: 'array',
        items: { type: 'string', format: 'phone' },
        'x-index': 'btree',
        'x-label': label('Phones'),
      },
      documents: {
        type: 'array',
        items: {
          type: 'object',
          properties: { type: { type: 'string' }, number: { type: 'string', format: 'es-document' } },
        },
        'x-index': 'btree',
        'x-label': label('Documents'),
      },
      iban: {
        type: 'string',
        format: 'iban',
        'x-read-roles': ['supervisor', 'integration'],
        'x-mask': { showLast: 4 },
        'x-pii': true,
        'x-label': label('IBAN'),
      },
      vulnerable: {
        type: 'boolean',
        'x-read-roles': ['supervisor', 'admin'],
        'x-write-roles': ['supervisor'],
        'x-label': label('Vulnerable'),
      },
      notes: { type: 'string', 'x-write-roles': ['admin', 'supervisor'], 'x-label': label('Notes') },
    },
  };
}

export function supplyType(): EntityTypeDocument {
  return {
    type: 'object',
    'x-label': label('Supply'),
    required: ['reference'],
    properties: {
      reference: { type: 'string', 'x-unique': true, 'x-label': label('Reference') },
      holderId: {
        type: 'string',
        format: 'uuid',
        'x-relation': { target: 'citizen', cardinality: 'one' },
        'x-label': label('Holder'),
      },
    },
  };
}

/** A signed-in browser with one role. */
export async function signedIn(server: TestServer, role: Role): Promise<BrowserSession> {
  const { username, password } = await createTestUser(server.tramit.db, role);
  const browser = new BrowserSession(server.url);
  const login = await browser.login(username, password);
  if (login.status !== 200) throw new Error(`login as ${role} failed: ${login.status}`);
  return browser;
}

/** Saves a draft and publishes it through the API; throws unless both succeed. */
export async function publishType(
  admin: BrowserSession,
  name: string,
  doc: unknown,
  options: object = {},
): Promise<Record<string, unknown>> {
  const draft = await admin.send(`/api/v1/entity-types/${name}/draft`, { method: 'PUT', json: doc });
  if (draft.status !== 200) throw new Error(`draft ${name}: ${draft.status} ${JSON.stringify(draft.body)}`);
  const published = await admin.send(`/api/v1/entity-types/${name}/publish`, {
    method: 'POST',
    json: options,
  });
  if (published.status !== 200)
    throw new Error(`publish ${name}: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body;
}

export async function countRows(
  server: TestServer,
  table: string,
  where: Record<string, unknown> = {},
): Promise<number> {
  const row = await server.tramit.db(table).where(where).count<{ count: string }[]>('* as count').first();
  return Number(row?.count ?? 0);
}
