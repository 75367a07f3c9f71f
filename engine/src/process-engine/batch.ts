import type { Knex } from 'knex';
import { deferWrites } from '../db/pipelined-pg-client.js';

type Statement = Knex.QueryBuilder | Knex.Raw;

/**
 * Runs a command's writes inside the caller's transaction. On PostgreSQL they are rendered (knex's
 * escaping) and queued on the connection, to share one message with the next read or the commit;
 * on PGlite, where a statement costs no round trip, they run one by one.
 */
export async function runBatch(trx: Knex.Transaction, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  if (await deferWrites(trx, statements.map((s) => s.toQuery()).join(';\n'))) return;
  for (const statement of statements) await statement;
}
