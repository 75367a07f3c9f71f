import type { Knex } from 'knex';
import type { FilterField } from './filter-fields.js';

export interface SortField {
  expr: string;
  /** Nullable expressions sort their nulls last (ascending) or first (descending), as PostgreSQL does. */
  nullable?: boolean;
}

/** One searchable resource: its rows, filters, sort fields and how a row reads in the API. */
export interface SearchSpec<Item> {
  /** The rows searched, joined with whatever filters and items need, selecting the item's columns. */
  from(db: Knex): Knex.QueryBuilder;
  filters: Record<string, FilterField>;
  sorts: Record<string, SortField>;
  /** A unique expression: the last sort key, so pages never overlap or skip rows. */
  key: string;
  toItem(row: Record<string, unknown>): Item;
}
