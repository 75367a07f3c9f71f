import type { FactType } from './operators';

/** A field of a fact the builder knows, with its type and allowed values. */
export interface FactField {
  path: string;
  type: FactType;
  enum?: readonly string[];
}

export interface KnownFact {
  fact: string;
  fields: readonly FactField[];
  /** The type of the fact's own value, for facts compared without a path (computed counts, flags). */
  type?: FactType;
}

const text = (path: string): FactField => ({ path, type: 'string' });
const choice = (path: string, values: readonly string[]): FactField => ({
  path,
  type: 'string',
  enum: values,
});

const caseFields: FactField[] = [
  text('reference'),
  text('personId'),
  choice('type', ['complaint', 'information_request', 'technical_incident', 'claim', 'procedure']),
  choice('status', ['open', 'in_progress', 'pending_information', 'resolved', 'closed']),
  choice('priority', ['low', 'normal', 'high', 'urgent']),
  text('channel'),
  text('area'),
  text('zone'),
  choice('language', ['ca', 'es', 'en']),
  text('subject'),
  text('assignedGroup'),
  text('assignee'),
];

const workOrderFields: FactField[] = [
  text('caseId'),
  text('externalId'),
  choice('status', ['pending', 'accepted', 'started', 'paused', 'finished', 'closed', 'cancelled']),
  choice('priority', ['low', 'normal', 'high', 'urgent']),
];

const personFields: FactField[] = [
  choice('kind', ['natural', 'legal']),
  text('givenName'),
  text('surname1'),
  text('companyName'),
  choice('preferredLanguage', ['ca', 'es', 'en']),
  { path: 'phones', type: 'array' },
  { path: 'emails', type: 'array' },
];

/** The citizen data model's facts (contract C3), offered until the live entity types are loaded. */
export const citizenFacts: readonly KnownFact[] = [
  { fact: 'case', fields: caseFields },
  { fact: 'work_order', fields: workOrderFields },
  { fact: 'person', fields: personFields },
];

/** The record an SLA policy tests is its `appliesTo` type, always under the fact name `record`. */
export function recordFact(appliesTo: string, facts: readonly KnownFact[] = citizenFacts): KnownFact[] {
  const fields = facts.find((f) => f.fact === appliesTo)?.fields ?? [];
  return [{ fact: 'record', fields }];
}

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  items?: { enum?: unknown[] };
}

function factTypeOf(property: PropertySchema): FactType {
  const type = Array.isArray(property.type) ? property.type.find((t) => t !== 'null') : property.type;
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  if (type === 'array') return 'array';
  return 'string';
}

/** The fields of an entity type's JSON Schema, as the builder offers them. */
export function factFieldsFromSchema(schema: unknown): FactField[] {
  const properties = (schema as { properties?: Record<string, PropertySchema> } | null)?.properties ?? {};
  return Object.entries(properties)
    .filter(([, property]) => typeof property === 'object' && property !== null)
    .map(([name, property]) => {
      const values = (property.enum ?? property.items?.enum)?.filter(
        (v): v is string => typeof v === 'string',
      );
      const field: FactField = { path: name, type: factTypeOf(property) };
      return values && values.length > 0 ? { ...field, enum: values } : field;
    });
}

/** `$.priority` for a field path, the JSONPath json-rules-engine reads inside a fact. */
export const jsonPathOf = (field: string) => (field === '' ? undefined : `$.${field}`);
export const fieldOfPath = (path: string | undefined) => (path ? path.replace(/^\$\.?/, '') : '');
