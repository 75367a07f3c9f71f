import type { Role } from '../auth/roles.js';
import { AppError, badRequest } from '../../infra/errors/app-error.js';
import { fieldKind, isScalar, type EntityTypeDocument, type FieldSchema } from './entity-type.js';
import { isReadableInClear } from './field-security.js';
import { normaliseValues } from './formats/normalise-values.js';
import { candidateText } from './fuzzy-query.js';
import type { Filter } from './list-query.js';
import { fieldLiteral, jsonOf, scalarExpression, trigramExpression } from './sql-expressions.js';

export interface SqlPart {
  sql: string;
  bindings: unknown[];
  /** A lookup that finds few rows through its own index (containment, unique field, id). */
  selective?: boolean;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numberPattern = /^-?\d{1,18}(\.\d{1,18})?$/;
const maxInValues = 100;

const refuse = (filter: Filter, message: string) =>
  badRequest(`${filter.param}: ${message}.`, [{ path: filter.param, message }]);

export const systemColumns: Record<string, { column: string; cast: string }> = {
  id: { column: 'id', cast: 'uuid' },
  createdAt: { column: 'created_at', cast: 'timestamptz' },
  updatedAt: { column: 'updated_at', cast: 'timestamptz' },
};

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function typedValue(filter: Filter, schema: FieldSchema, raw: string): { binding: unknown; cast: string } {
  const kind = fieldKind(schema);
  if (kind === 'number' || kind === 'integer') {
    if (!numberPattern.test(raw)) throw refuse(filter, `"${raw}" is not a number`);
    return { binding: raw, cast: '::numeric' };
  }
  if (kind === 'boolean') {
    if (raw !== 'true' && raw !== 'false') throw refuse(filter, 'must be true or false');
    return { binding: raw, cast: '::boolean' };
  }
  return { binding: normaliseValues(schema, raw), cast: '' };
}

function valuesOf(filter: Filter): string[] {
  if (filter.op !== 'in') return [filter.value];
  const values = filter.value.split(',');
  if (values.length > maxInValues) throw refuse(filter, `at most ${maxInValues} values`);
  return values;
}

function systemFilter(filter: Filter): SqlPart {
  const { column, cast } = systemColumns[filter.field]!;
  const values = valuesOf(filter);
  for (const value of values) {
    const valid = cast === 'uuid' ? uuidPattern.test(value) : !Number.isNaN(Date.parse(value));
    if (!valid) throw refuse(filter, `"${value}" is not ${cast === 'uuid' ? 'a record id' : 'a date-time'}`);
  }
  const ops: Record<string, string> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };
  if (filter.op === 'in')
    return {
      sql: `${column} in (${values.map(() => `?::${cast}`).join(', ')})`,
      bindings: values,
      selective: cast === 'uuid',
    };
  const op = ops[filter.op];
  if (!op || (cast === 'uuid' && filter.op !== 'eq' && filter.op !== 'ne'))
    throw refuse(filter, `${filter.op} is not available here`);
  return {
    sql: `${column} ${op} ?::${cast}`,
    bindings: values,
    selective: cast === 'uuid' && filter.op === 'eq',
  };
}

function containment(filter: Filter, field: string, schema: FieldSchema, sub: string | undefined): SqlPart {
  if (filter.op !== 'eq' && filter.op !== 'in')
    throw refuse(filter, 'only eq and in work on lists and nested fields');
  const kind = fieldKind(schema);
  const itemSchema = kind === 'array' ? (schema.items ?? {}) : schema;
  const leafSchema = sub ? itemSchema.properties?.[sub] : itemSchema;
  if (!leafSchema || (sub && !itemSchema.properties))
    throw refuse(filter, `"${filter.field}" is not a field`);
  const documents = valuesOf(filter).map((raw) => {
    const { binding } = typedValue(filter, leafSchema, raw);
    const leafKind = fieldKind(leafSchema);
    const value =
      leafKind === 'number' || leafKind === 'integer'
        ? Number(binding)
        : leafKind === 'boolean'
          ? binding === 'true'
          : binding;
    const item = sub ? { [sub]: value } : value;
    return JSON.stringify(kind === 'array' ? [item] : item);
  });
  return {
    sql: `(${documents.map(() => `${jsonOf(field)} @> ?::jsonb`).join(' or ')})`,
    bindings: documents,
    selective: schema['x-index'] === 'btree',
  };
}

function scalarFilter(filter: Filter, field: string, schema: FieldSchema): SqlPart {
  const kind = fieldKind(schema);
  const expr = scalarExpression(field, schema);
  switch (filter.op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (kind === 'boolean' && filter.op !== 'eq' && filter.op !== 'ne')
        throw refuse(filter, 'a yes/no field has no order');
      const op = { eq: '=', ne: 'is distinct from', gt: '>', gte: '>=', lt: '<', lte: '<=' }[filter.op];
      const { binding, cast } = typedValue(filter, schema, filter.value);
      return {
        sql: `${expr} ${op} ?${cast}`,
        bindings: [binding],
        selective: filter.op === 'eq' && schema['x-unique'] === true,
      };
    }
    case 'in': {
      const typed = valuesOf(filter).map((raw) => typedValue(filter, schema, raw));
      return {
        sql: `${expr} in (${typed.map((t) => `?${t.cast}`).join(', ')})`,
        bindings: typed.map((t) => t.binding),
        selective: schema['x-unique'] === true,
      };
    }
    case 'prefix':
      if (kind !== 'string') throw refuse(filter, 'prefix needs a text field');
      return {
        sql: `${expr} like ? escape '\\'`,
        bindings: [`${escapeLike(String(normaliseValues(schema, filter.value)))}%`],
      };
    default:
      throw refuse(filter, `${filter.op} is not available on this field`);
  }
}

function textSearch(filter: Filter, expr: string): SqlPart {
  if (filter.value.trim() === '') throw refuse(filter, 'needs some text');
  if (filter.op === 'contains') {
    return {
      sql: `${expr} like '%' || tramit_unaccent(lower(?)) || '%' escape '\\'`,
      bindings: [escapeLike(filter.value)],
    };
  }
  // Candidates by the telling words; list-sql ranks them by the whole text.
  return { sql: `${expr} %> tramit_unaccent(lower(?))`, bindings: [candidateText(filter.value)] };
}

/** One filter as SQL over `records`, after checking the field, the operator and the value. */
export function filterSql(doc: EntityTypeDocument, filter: Filter, roles: readonly Role[]): SqlPart {
  if (filter.field in systemColumns) return systemFilter(filter);
  const [field, sub] = filter.field.split('.') as [string, string | undefined];
  const schema = doc.properties[field];
  const search = doc['x-search']?.[field];
  if (!schema && !search) throw refuse(filter, `"${field}" is not a field of this type`);
  for (const source of search ? search.fields : [field]) {
    if (!isReadableInClear(doc, source, roles)) {
      throw new AppError('forbidden', 'field-not-readable', `Your roles may not filter by "${source}".`, {
        errors: [{ path: filter.param, message: 'your roles may not read this field' }],
      });
    }
  }
  if (filter.op === 'exists') {
    if (filter.value !== 'true' && filter.value !== 'false') throw refuse(filter, 'must be true or false');
    return {
      sql: `${filter.value === 'true' ? '' : 'not '}jsonb_exists(data, ${fieldLiteral(field)})`,
      bindings: [],
    };
  }
  if (filter.op === 'fuzzy' || filter.op === 'contains') {
    const trigram = !sub ? trigramExpression(doc, field) : undefined;
    if (trigram) return textSearch(filter, trigram);
    if (filter.op === 'fuzzy') throw refuse(filter, `fuzzy search needs a trigram index on "${field}"`);
  }
  if (!schema) throw refuse(filter, `"${field}" can only be searched with contains or fuzzy`);
  const kind = fieldKind(schema);
  if (kind === 'array' || kind === 'object' || sub) return containment(filter, field, schema, sub);
  if (filter.op === 'contains') {
    if (kind !== 'string') throw refuse(filter, 'contains needs a text field');
    return {
      sql: `tramit_unaccent(lower(${scalarExpression(field, schema)})) like '%' || tramit_unaccent(lower(?)) || '%' escape '\\'`,
      bindings: [escapeLike(filter.value)],
    };
  }
  if (!isScalar(kind)) throw refuse(filter, `"${field}" has no single type to compare`);
  return scalarFilter(filter, field, schema);
}
