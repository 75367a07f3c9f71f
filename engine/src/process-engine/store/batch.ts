import type { Knex } from 'knex';
import type { Write } from '../../infra/db/merge-writes.js';
import { deferWrites } from '../../infra/db/pipelined-pg-client.js';

/** A write: a knex statement, SQL text with its values as literals (see db/sql-literal), or a mergeable write. */
export type Statement = Knex.QueryBuilder | Knex.Raw | Write;

/**
 * Runs a command's writes inside the caller's transaction: on PostgreSQL they share one message with
 * the next read or the commit (see deferWrites).
 */
export async function runBatch(trx: Knex.Transaction, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await deferWrites(
    trx,
    statements.map((s) => (typeof s === 'string' || 'kind' in s ? s : s.toQuery())),
  );
}
