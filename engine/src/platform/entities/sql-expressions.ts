import {
  fieldKind,
  fieldNamePattern,
  typeNamePattern,
  type EntityTypeDocument,
  type FieldSchema,
} from './entity-type.js';

/**
 * SQL text built from type and field names. Names are checked against their patterns (letters,
 * digits, underscore) before they reach SQL, so they can never carry a quote; user values are
 * always bindings, never text.
 */
export function typeLiteral(type: string): string {
  if (!typeNamePattern.test(type)) throw new Error(`unsafe type name ${JSON.stringify(type)}`);
  return `'${type}'`;
}

export function fieldLiteral(field: string): string {
  if (!fieldNamePattern.test(field)) throw new Error(`unsafe field name ${JSON.stringify(field)}`);
  return `'${field}'`;
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z0-9_]{1,63}$/.test(name)) throw new Error(`unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export const textOf = (field: string) => `(data->>${fieldLiteral(field)})`;
export const jsonOf = (field: string) => `(data->${fieldLiteral(field)})`;

/** The typed expression a scalar field is compared, sorted and indexed by. */
export function scalarExpression(field: string, schema: FieldSchema): string {
  const kind = fieldKind(schema);
  if (kind === 'number' || kind === 'integer') return `((data->>${fieldLiteral(field)})::numeric)`;
  if (kind === 'boolean') return `((data->>${fieldLiteral(field)})::boolean)`;
  return textOf(field);
}

/** Lower-cased, unaccented text for trigram search: one field, or several joined by spaces. */
export function searchExpression(fields: string[]): string {
  const joined = fields.map((f) => `coalesce(data->>${fieldLiteral(f)}, '')`).join(` || ' ' || `);
  return `tramit_unaccent(lower(${joined}))`;
}

/** The trigram expression of a field or x-search name, if it has one. */
export function trigramExpression(doc: EntityTypeDocument, name: string): string | undefined {
  const search = doc['x-search']?.[name];
  if (search) return searchExpression(search.fields);
  if (doc.properties[name]?.['x-index'] === 'trigram') return searchExpression([name]);
  return undefined;
}
