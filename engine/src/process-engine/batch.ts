import type { Knex } from 'knex';

type Statement = Knex.QueryBuilder | Knex.Raw;

/**
 * Runs a command's writes. On PostgreSQL they go as one multi-statement message (one round trip; knex
 * renders the values as escaped literals), which is what makes a command cheap; on PGlite, where a
 * statement costs no round trip, one by one. Either way inside the caller's transaction.
 */
export async function runBatch(trx: Knex.Transaction, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  if (trx.client.config.client !== 'pg' || statements.length === 1) {
    for (const statement of statements) await statement;
    return;
  }
  await trx.raw(statements.map((s) => s.toQuery()).join(';\n'));
}
