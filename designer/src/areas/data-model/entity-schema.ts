import type { EntityType } from '../../../../schemas/types/entity-type';
import type { LocalizedText } from '../../components/definitions/localized-text';

export const fieldTypes = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const stringFormats = [
  'email',
  'date',
  'date-time',
  'uri',
  'uuid',
  'dni',
  'nie',
  'nif',
  'es-document',
  'iban',
  'bic',
  'phone',
  'postcode-es',
] as const;

export const roleNames = ['admin', 'supervisor', 'agent', 'manager', 'integration'] as const;
export type RoleName = (typeof roleNames)[number];

export type JsonObject = Record<string, unknown>;

/**
 * An entity type document (`schemas/entity-type.schema.json`; the type is generated from it): JSON
 * Schema 2020-12 plus `x-` annotations.
 */
export type EntitySchema = EntityType;

/** One top-level field as the field editor shows it. */
export interface FieldModel {
  name: string;
  type: FieldType;
  required: boolean;
  label: LocalizedText;
  format?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  index?: 'btree' | 'trigram';
  unique: boolean;
  readRoles?: RoleName[];
  writeRoles?: RoleName[];
  mask?: { showFirst?: number; showLast?: number };
  pii: boolean;
  relation?: { target: string; cardinality: 'one' | 'many' };
}

export const fieldNamePattern = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;
export const typeNamePattern = /^[a-z][a-z0-9_]{0,62}$/;

const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function typeOf(property: JsonObject): FieldType {
  const declared = Array.isArray(property.type) ? property.type.find((t) => t !== 'null') : property.type;
  return (fieldTypes as readonly unknown[]).includes(declared) ? (declared as FieldType) : 'string';
}

function labelOf(value: unknown, fallback: string): LocalizedText {
  const label = (value ?? {}) as Partial<LocalizedText>;
  return { ca: label.ca ?? fallback, es: label.es ?? fallback, en: label.en ?? fallback };
}

export function fieldOf(name: string, property: JsonObject, required: boolean): FieldModel {
  const values = Array.isArray(property.enum)
    ? property.enum.filter((v): v is string => typeof v === 'string')
    : undefined;
  const relation = property['x-relation'] as FieldModel['relation'] | undefined;
  return {
    name,
    type: typeOf(property),
    required,
    label: labelOf(property['x-label'], name),
    format: str(property.format),
    enum: values && values.length > 0 ? values : undefined,
    minLength: num(property.minLength),
    maxLength: num(property.maxLength),
    pattern: str(property.pattern),
    minimum: num(property.minimum),
    maximum: num(property.maximum),
    index:
      property['x-index'] === 'btree' || property['x-index'] === 'trigram' ? property['x-index'] : undefined,
    unique: property['x-unique'] === true,
    readRoles: property['x-read-roles'] as RoleName[] | undefined,
    writeRoles: property['x-write-roles'] as RoleName[] | undefined,
    mask: property['x-mask'] as FieldModel['mask'] | undefined,
    pii: property['x-pii'] === true,
    relation: relation && typeof relation.target === 'string' ? relation : undefined,
  };
}

export function fieldsOf(schema: EntitySchema): FieldModel[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldOf(name, property, required.has(name)),
  );
}

/** Keywords the field editor owns; everything else in a property (items, default, description ...) is kept. */
const editedKeys = [
  'type',
  'format',
  'enum',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'x-label',
  'x-index',
  'x-unique',
  'x-read-roles',
  'x-write-roles',
  'x-mask',
  'x-pii',
  'x-relation',
];

/** The property schema for a field, on top of what the previous property held beyond the editor's keywords. */
export function propertyOf(field: FieldModel, previous: JsonObject = {}): JsonObject {
  const kept = Object.fromEntries(Object.entries(previous).filter(([key]) => !editedKeys.includes(key)));
  const isString = field.type === 'string';
  const isNumber = field.type === 'number' || field.type === 'integer';
  const previousType = previous.type;
  const nullable = Array.isArray(previousType) && previousType.includes('null');
  const entries: [string, unknown][] = [
    ['type', nullable ? [field.type, 'null'] : field.type],
    ['format', isString ? field.format : undefined],
    ['enum', isString && field.enum?.length ? field.enum : undefined],
    ['minLength', isString ? field.minLength : undefined],
    ['maxLength', isString ? field.maxLength : undefined],
    ['pattern', isString && field.pattern ? field.pattern : undefined],
    ['minimum', isNumber ? field.minimum : undefined],
    ['maximum', isNumber ? field.maximum : undefined],
    ['x-label', field.label],
    ['x-index', field.index],
    ['x-unique', field.unique ? true : undefined],
    ['x-read-roles', field.readRoles?.length ? field.readRoles : undefined],
    ['x-write-roles', field.writeRoles?.length ? field.writeRoles : undefined],
    [
      'x-mask',
      field.mask && (field.mask.showFirst !== undefined || field.mask.showLast !== undefined)
        ? field.mask
        : undefined,
    ],
    ['x-pii', field.pii ? true : undefined],
    ['x-relation', field.relation?.target ? field.relation : undefined],
  ];
  return { ...Object.fromEntries(entries.filter(([, value]) => value !== undefined)), ...kept };
}

/** Adds (`originalName` null) or replaces a field, keeping the order of properties and of `required`. */
export function applyField(
  schema: EntitySchema,
  originalName: string | null,
  field: FieldModel,
): EntitySchema {
  const previous = originalName ? schema.properties[originalName] : undefined;
  const properties: Record<string, JsonObject> = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    if (name === originalName) properties[field.name] = propertyOf(field, previous);
    else properties[name] = property;
  }
  if (!originalName || !(originalName in schema.properties)) properties[field.name] = propertyOf(field);
  const without = (schema.required ?? []).filter((name) => name !== originalName && name !== field.name);
  const position = originalName ? (schema.required ?? []).indexOf(originalName) : -1;
  const required = field.required
    ? position >= 0
      ? [...without.slice(0, position), field.name, ...without.slice(position)]
      : [...without, field.name]
    : without;
  const { required: _old, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

export function removeField(schema: EntitySchema, name: string): EntitySchema {
  const { [name]: _removed, ...properties } = schema.properties;
  const required = (schema.required ?? []).filter((n) => n !== name);
  const { required: _old, ...rest } = schema;
  return { ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

export const newField = (): FieldModel => ({
  name: '',
  type: 'string',
  required: false,
  label: { ca: '', es: '', en: '' },
  unique: false,
  pii: false,
});

export const newEntitySchema = (name: string): EntitySchema => ({
  type: 'object',
  'x-label': { ca: name, es: name, en: name },
  properties: {},
});

/** What is wrong with a field before it is sent: each problem keyed by the field editor's input. */
export function fieldProblems(
  field: FieldModel,
  otherNames: readonly string[],
): Partial<Record<keyof FieldModel, string>> {
  const problems: Partial<Record<keyof FieldModel, string>> = {};
  if (!fieldNamePattern.test(field.name)) problems.name = 'name';
  else if (otherNames.includes(field.name)) problems.name = 'nameTaken';
  if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength)
    problems.maxLength = 'range';
  if (field.minimum !== undefined && field.maximum !== undefined && field.minimum > field.maximum)
    problems.maximum = 'range';
  if (field.pattern) {
    try {
      new RegExp(field.pattern, 'u');
    } catch {
      problems.pattern = 'pattern';
    }
  }
  if ((['ca', 'es', 'en'] as const).some((language) => field.label[language].trim() === ''))
    problems.label = 'label';
  if (field.unique && (field.type === 'array' || field.type === 'object')) problems.unique = 'uniqueScalar';
  return problems;
}

/** A link in the data-model graph: a field holding ids (`x-relation`) or a named relation (`x-relations`). */
export interface TypeLink {
  source: string;
  target: string;
  name: string;
  cardinality: 'one' | 'many';
  kind: 'field' | 'relation';
}

export function linksOf(types: readonly { name: string; schema: EntitySchema | null }[]): TypeLink[] {
  const known = new Set(types.map((t) => t.name));
  return types.flatMap(({ name, schema }) => {
    if (!schema) return [];
    const fields = Object.entries(schema.properties ?? {}).flatMap(([field, property]): TypeLink[] => {
      const relation = property['x-relation'] as { target?: unknown; cardinality?: unknown } | undefined;
      if (!relation || typeof relation.target !== 'string' || !known.has(relation.target)) return [];
      return [
        {
          source: name,
          target: relation.target,
          name: field,
          cardinality: relation.cardinality === 'many' ? 'many' : 'one',
          kind: 'field',
        },
      ];
    });
    const relations = Object.entries(schema['x-relations'] ?? {}).flatMap(([relation, spec]): TypeLink[] =>
      known.has(spec.target)
        ? [
            {
              source: name,
              target: spec.target,
              name: relation,
              cardinality: spec.cardinality,
              kind: 'relation',
            },
          ]
        : [],
    );
    return [...fields, ...relations];
  });
}

/** Grid positions for the graph's nodes, row by row, so that no two overlap. */
export function gridLayout(
  names: readonly string[],
  columns = Math.max(1, Math.ceil(Math.sqrt(names.length))),
): Record<string, { x: number; y: number }> {
  return Object.fromEntries(
    names.map((name, index) => [name, { x: (index % columns) * 260, y: Math.floor(index / columns) * 150 }]),
  );
}
