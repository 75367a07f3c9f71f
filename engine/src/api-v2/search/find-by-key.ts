import type { Knex } from 'knex';
import type { SearchSpec } from './search-spec.js';

/** One item of a searchable resource by its key (`GET /v2/<resource>/{key}`). */
export async function findByKey<Item>(
  db: Knex,
  spec: SearchSpec<Item>,
  key: string,
): Promise<Item | undefined> {
  const row = (await spec.from(db).whereRaw(`${spec.key} = ?::bigint`, [key]).first()) as
    Record<string, unknown> | undefined;
  return row ? spec.toItem(row) : undefined;
}
