import type { Knex } from 'knex';
import { AppError } from '../../infra/errors/app-error.js';
import type { EntityTypeDocument } from './entity-type.js';
import { indexDefinitions } from './index-ddl.js';
import { quoteIdentifier } from './sql-expressions.js';

/**
 * Brings the type's indexes in line with a published version inside the publishing transaction:
 * creates the declared ones, drops those no longer declared. Returns the index names now in place.
 */
export async function syncTypeIndexes(
  trx: Knex.Transaction,
  type: string,
  doc: EntityTypeDocument,
  existing: readonly string[],
): Promise<string[]> {
  const wanted = indexDefinitions(type, doc);
  const names = new Set(wanted.map((index) => index.name));
  for (const name of existing) {
    if (!names.has(name)) await trx.raw(`drop index if exists ${quoteIdentifier(name)}`);
  }
  for (const index of wanted) {
    try {
      await trx.raw(index.sql);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new AppError(
          'conflict',
          'unique-violation',
          `Existing records break a uniqueness rule (${index.name}).`,
          {
            errors: [{ path: index.name, message: 'existing records have duplicate values' }],
          },
        );
      }
      throw error;
    }
  }
  return [...names];
}
