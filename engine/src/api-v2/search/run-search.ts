import type { Knex } from 'knex';
import { parseRequest, rejection } from '../problems.js';
import { filterConditions } from './filter-fields.js';
import { afterCursor, decodeCursor, encodeCursor, orderBy, sortTerms } from './keyset.js';
import { defaultPageSize, searchRequestSchema } from './search-request.js';
import type { SearchSpec } from './search-spec.js';

export interface SearchPage {
  totalItems: number;
  hasMoreTotalItems: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface SearchResult<Item> {
  items: Item[];
  page: SearchPage;
}

/**
 * Runs a v2 search: validates the request against the resource's fields, filters, counts, and reads
 * one page (by offset, or before/after a cursor: keyset pagination on the sort terms plus the key).
 */
export async function runSearch<Item>(
  db: Knex,
  spec: SearchSpec<Item>,
  body: unknown,
): Promise<SearchResult<Item>> {
  const request = parseRequest(
    searchRequestSchema(spec as SearchSpec<unknown>),
    body ?? {},
    'search request',
  );
  const filtered = spec.from(db);
  for (const condition of filterConditions(spec.filters, request.filter ?? {})) {
    filtered.whereRaw(condition.sql, condition.bindings as Knex.RawBinding[]);
  }
  const terms = sortTerms(spec as SearchSpec<unknown>, request.sort ?? []);
  const page = request.page ?? {};
  const reversed = page.before !== undefined;
  const rows = filtered.clone();
  const cursor = page.after ?? page.before;
  if (cursor !== undefined) {
    const values = decodeCursor(cursor, terms);
    if (!values) {
      throw rejection(
        'INVALID_ARGUMENT',
        'The page cursor does not belong to this search (its sort changed?)',
        [{ path: `/page/${reversed ? 'before' : 'after'}`, message: 'not a cursor of this search' }],
      );
    }
    const condition = afterCursor(terms, values, reversed);
    rows.whereRaw(condition.sql, condition.bindings as Knex.RawBinding[]);
  }
  terms.forEach((term, i) => rows.select(db.raw(`(${term.expr})::text as "_t${i}"`)));
  rows.orderByRaw(orderBy(terms, reversed)).limit(page.limit ?? defaultPageSize);
  if (page.from) rows.offset(page.from);

  const [found, counted] = await Promise.all([
    rows as Promise<Record<string, unknown>[]>,
    filtered.clone().clearSelect().clearOrder().count({ n: '*' }) as Promise<{ n: unknown }[]>,
  ]);
  if (reversed) found.reverse();
  const cursorOf = (row: Record<string, unknown> | undefined) =>
    row ? encodeCursor(terms.map((_, i) => (row[`_t${i}`] ?? null) as string | null)) : null;
  return {
    items: found.map((row) => spec.toItem(row)),
    page: {
      totalItems: Number(counted[0]?.n ?? 0),
      hasMoreTotalItems: false,
      startCursor: cursorOf(found[0]),
      endCursor: cursorOf(found[found.length - 1]),
    },
  };
}
