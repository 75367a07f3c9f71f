import { badRequest } from '../../infra/errors/app-error.js';

export const filterOperators = [
  'eq',
  'ne',
  'in',
  'gt',
  'gte',
  'lt',
  'lte',
  'prefix',
  'contains',
  'fuzzy',
  'exists',
] as const;
export type FilterOperator = (typeof filterOperators)[number];

export interface Filter {
  /** A top-level field, an x-search name, a system field, or `array.subfield` for arrays of objects. */
  field: string;
  op: FilterOperator;
  value: string;
  /** Where it came from, for error messages: `filter[status][in]`. */
  param: string;
}

export interface SortKey {
  field: string;
  descending: boolean;
}

export interface ListQuery {
  filters: Filter[];
  sort: SortKey[];
  limit: number;
  cursor?: string;
  fields?: string[];
}

export const maxPageSize = 200;
export const defaultPageSize = 25;
const maxFilters = 20;
const maxSortKeys = 3;
const maxValueLength = 500;
const fieldPath = /^[a-zA-Z][a-zA-Z0-9_]{0,62}(\.[a-zA-Z][a-zA-Z0-9_]{0,62})?$/;

function single(name: string, value: unknown): string {
  if (typeof value !== 'string')
    throw badRequest(`Give ${name} once.`, [{ path: name, message: 'given more than once' }]);
  return value;
}

function parseFilter(key: string, raw: unknown): Filter {
  const match = /^filter\[([^\]]*)\](?:\[([^\]]*)\])?$/.exec(key);
  if (!match)
    throw badRequest(`Unknown query parameter "${key}".`, [
      { path: key, message: 'unknown query parameter' },
    ]);
  const field = match[1]!;
  const op = (match[2] ?? 'eq') as FilterOperator;
  if (!fieldPath.test(field))
    throw badRequest(`"${field}" is not a field name.`, [{ path: key, message: 'not a field name' }]);
  if (!filterOperators.includes(op)) {
    throw badRequest(`Unknown filter operator "${match[2]}".`, [
      { path: key, message: `one of ${filterOperators.join(', ')}` },
    ]);
  }
  const value = single(key, raw);
  if (value.length > maxValueLength) {
    throw badRequest(`The value of ${key} is too long.`, [
      { path: key, message: `at most ${maxValueLength} characters` },
    ]);
  }
  return { field, op, value, param: key };
}

function parseSort(raw: string): SortKey[] {
  const keys = raw
    .split(',')
    .filter(Boolean)
    .map((part) => ({
      field: part.replace(/^[-+]/, ''),
      descending: part.startsWith('-'),
    }));
  if (keys.length > maxSortKeys)
    throw badRequest('Too many sort keys.', [{ path: 'sort', message: `at most ${maxSortKeys}` }]);
  for (const key of keys) {
    if (!fieldPath.test(key.field) || key.field.includes('.')) {
      throw badRequest(`"${key.field}" cannot be sorted by.`, [
        { path: 'sort', message: `"${key.field}" is not a field name` },
      ]);
    }
  }
  return keys;
}

function parseLimit(raw: string): number {
  const limit = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || limit < 1 || limit > maxPageSize) {
    throw badRequest(`limit must be between 1 and ${maxPageSize}.`, [
      { path: 'limit', message: `an integer from 1 to ${maxPageSize}` },
    ]);
  }
  return limit;
}

/**
 * The list syntax: `filter[field]=v` (eq), `filter[field][op]=v` with op one of eq, ne, in (comma
 * separated), gt, gte, lt, lte, prefix, contains, fuzzy, exists (true/false); `sort=-a,b`;
 * `limit` (1–200, default 25); `cursor` (from the previous page); `fields=a,b`.
 */
export function parseListQuery(query: Record<string, unknown>, extra: readonly string[] = []): ListQuery {
  const parsed: ListQuery = { filters: [], sort: [], limit: defaultPageSize };
  for (const [key, raw] of Object.entries(query)) {
    if (key === 'sort') parsed.sort = parseSort(single(key, raw));
    else if (key === 'limit') parsed.limit = parseLimit(single(key, raw));
    else if (key === 'cursor') parsed.cursor = single(key, raw);
    else if (key === 'fields') parsed.fields = single(key, raw).split(',').filter(Boolean);
    else if (!extra.includes(key)) parsed.filters.push(parseFilter(key, raw));
  }
  if (parsed.filters.length > maxFilters) {
    throw badRequest('Too many filters.', [{ path: 'filter', message: `at most ${maxFilters}` }]);
  }
  return parsed;
}
