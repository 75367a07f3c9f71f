import { createHash } from 'node:crypto';
import type { Role } from '../auth/roles.js';
import { AppError, badRequest } from '../../infra/errors/app-error.js';
import { fieldKind, isScalar, type EntityTypeDocument } from './entity-type.js';
import { isReadableInClear } from './field-security.js';
import { filterSql, systemColumns, type SqlPart } from './filter-sql.js';
import type { ListQuery } from './list-query.js';
import { scalarExpression, trigramExpression, typeLiteral } from './sql-expressions.js';

export const recordColumns =
  'id, type, schema_version, version, data, created_at, created_by, updated_at, updated_by, deleted_at';

interface SortExpression {
  sql: string;
  bindings: unknown[];
  cast: string;
  descending: boolean;
}

export interface CompiledList extends SqlPart {
  /** How many `s<i>` sort-key columns the rows carry, for the next cursor. */
  sortKeys: number;
  fingerprint: string;
  /** False for a fuzzy ranking: one page of the best matches, no cursor. */
  paged: boolean;
}

function sortExpression(
  doc: EntityTypeDocument,
  field: string,
  descending: boolean,
  roles: readonly Role[],
): SortExpression {
  const system = systemColumns[field];
  if (system) return { sql: system.column, bindings: [], cast: system.cast, descending };
  const schema = doc.properties[field];
  const kind = schema ? fieldKind(schema) : undefined;
  if (!schema || !isScalar(kind)) {
    throw badRequest(`"${field}" cannot be sorted by.`, [
      { path: 'sort', message: `"${field}" is not a single-valued field` },
    ]);
  }
  if (!isReadableInClear(doc, field, roles)) {
    throw new AppError('forbidden', 'field-not-readable', `Your roles may not sort by "${field}".`, {
      errors: [{ path: 'sort', message: `your roles may not read "${field}"` }],
    });
  }
  const cast = kind === 'number' || kind === 'integer' ? 'numeric' : kind === 'boolean' ? 'boolean' : 'text';
  return { sql: scalarExpression(field, schema), bindings: [], cast, descending };
}

/** A fuzzy search without an explicit sort is ranked by distance (then id): one page, no cursor. */
export function isFuzzyRanking(query: ListQuery): boolean {
  return query.sort.length === 0 && query.filters.some((f) => f.op === 'fuzzy');
}

function sortExpressions(
  doc: EntityTypeDocument,
  query: ListQuery,
  roles: readonly Role[],
): SortExpression[] {
  const keys = query.sort.map((key) => sortExpression(doc, key.field, key.descending, roles));
  const fuzzy = query.filters.find((f) => f.op === 'fuzzy');
  if (keys.length === 0 && fuzzy) {
    const expr = trigramExpression(doc, fuzzy.field.split('.')[0]!)!;
    keys.push({
      sql: `(${expr} <->> tramit_unaccent(lower(?)))`,
      bindings: [fuzzy.value],
      cast: 'real',
      descending: false,
    });
  }
  if (keys.length === 0)
    keys.push({ sql: 'created_at', bindings: [], cast: 'timestamptz', descending: false });
  if (!keys.some((k) => k.sql === 'id')) {
    keys.push({ sql: 'id', bindings: [], cast: 'uuid', descending: false });
  }
  return keys;
}

function decodeCursor(cursor: string, length: number, fingerprint: string): (string | null)[] {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(decoded) && decoded[0] === fingerprint && decoded.length === length + 1) {
      const values = decoded.slice(1) as unknown[];
      if (values.every((v) => v === null || (typeof v === 'string' && v.length <= 1000)))
        return values as (string | null)[];
    }
  } catch {
    // falls through to the 400 below
  }
  throw badRequest('The cursor is not one this list returned.', [
    { path: 'cursor', message: 'invalid or from another query' },
  ]);
}

export function encodeCursor(fingerprint: string, values: (string | null)[]): string {
  return Buffer.from(JSON.stringify([fingerprint, ...values]), 'utf8').toString('base64url');
}

/** Rows strictly after the cursor in the sort order (ascending: nulls last; descending: nulls first). */
function afterCursor(keys: SortExpression[], values: (string | null)[]): SqlPart {
  const alternatives: SqlPart[] = [];
  for (let i = 0; i < keys.length; i++) {
    const parts: SqlPart[] = [];
    for (let j = 0; j < i; j++) {
      const key = keys[j]!;
      const value = values[j]!;
      parts.push(
        value === null
          ? { sql: `${key.sql} is null`, bindings: key.bindings }
          : { sql: `${key.sql} = ?::${key.cast}`, bindings: [...key.bindings, value] },
      );
    }
    const key = keys[i]!;
    const value = values[i]!;
    if (value === null) {
      if (!key.descending) continue;
      parts.push({ sql: `${key.sql} is not null`, bindings: key.bindings });
    } else if (key.descending) {
      parts.push({ sql: `${key.sql} < ?::${key.cast}`, bindings: [...key.bindings, value] });
    } else {
      parts.push({
        sql: `(${key.sql} > ?::${key.cast} or ${key.sql} is null)`,
        bindings: [...key.bindings, value, ...key.bindings],
      });
    }
    alternatives.push({
      sql: parts.map((p) => p.sql).join(' and '),
      bindings: parts.flatMap((p) => p.bindings),
    });
  }
  if (alternatives.length === 0) return { sql: 'false', bindings: [] };
  return {
    sql: `(${alternatives.map((a) => `(${a.sql})`).join(' or ')})`,
    bindings: alternatives.flatMap((a) => a.bindings),
  };
}

const liveRecordsWhere = (type: string, filters: SqlPart[]): SqlPart[] => [
  { sql: `type = ${typeLiteral(type)} and deleted_at is null`, bindings: [] },
  ...filters,
];

/** How many live records match the filters, counting no further than `cap` (a bounded count). */
export function compileCount(
  type: string,
  doc: EntityTypeDocument,
  query: ListQuery,
  roles: readonly Role[],
  cap: number,
): SqlPart {
  const where = liveRecordsWhere(
    type,
    query.filters.map((filter) => filterSql(doc, filter, roles)),
  );
  return {
    sql: `select count(*)::int as n from (select 1 from records where ${where.map((w) => w.sql).join(' and ')} limit ${Math.trunc(cap)}) as c`,
    bindings: where.flatMap((w) => w.bindings),
  };
}

/**
 * The SQL of one page of a list: the type's live records matching every filter, in the requested
 * order with the id as the last key, after the cursor, one row more than the page to know if
 * another page follows. A selective lookup (containment, unique field, id) is fenced (`offset 0`)
 * so the planner finds its few rows through their index before sorting, rather than walking the
 * sort order's index and filtering every row.
 */
export function compileList(
  type: string,
  doc: EntityTypeDocument,
  query: ListQuery,
  roles: readonly Role[],
): CompiledList {
  const filters = query.filters.map((filter) => filterSql(doc, filter, roles));
  const keys = sortExpressions(doc, query, roles);
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify([
        keys.map((k) => [k.sql, k.descending, k.bindings]),
        query.filters.map((f) => [f.param, f.value]),
      ]),
    )
    .digest('base64url')
    .slice(0, 12);
  const where = liveRecordsWhere(type, filters);
  if (query.cursor && isFuzzyRanking(query)) {
    throw badRequest('A fuzzy search returns one ranked page; raise limit instead of paging.', [
      { path: 'cursor', message: 'not available with a fuzzy search' },
    ]);
  }
  if (query.cursor) where.push(afterCursor(keys, decodeCursor(query.cursor, keys.length, fingerprint)));
  const select = keys.map((k, i) => ({ sql: `(${k.sql})::text as s${i}`, bindings: k.bindings }));
  const order = keys.map((k) => ({ sql: `${k.sql} ${k.descending ? 'desc' : 'asc'}`, bindings: k.bindings }));
  const matching = `from records where ${where.map((w) => w.sql).join(' and ')}`;
  const source = filters.some((f) => f.selective)
    ? `from (select ${recordColumns} ${matching} offset 0) as m`
    : matching;
  const sql =
    `select ${recordColumns}, ${select.map((s) => s.sql).join(', ')} ${source}` +
    ` order by ${order.map((o) => o.sql).join(', ')} limit ${query.limit + 1}`;
  return {
    sql,
    bindings: [
      ...select.flatMap((s) => s.bindings),
      ...where.flatMap((w) => w.bindings),
      ...order.flatMap((o) => o.bindings),
    ],
    sortKeys: keys.length,
    fingerprint,
    paged: !isFuzzyRanking(query),
  };
}
