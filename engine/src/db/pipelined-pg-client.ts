import ClientPG from 'knex/lib/dialects/postgres/index.js';
import type pg from 'pg';

interface QueryObject {
  sql: string;
  bindings?: unknown[];
  response?: unknown;
}

type Connection = pg.Client & { tramitPending?: string[] };

/**
 * knex's PostgreSQL client with fewer round trips: `BEGIN` and the writes handed to `deferWrites`
 * wait on the connection and go out in one message with the next statement that needs an answer —
 * a read, or the `COMMIT`. A command then costs: its reads, and one message that writes and commits.
 * Nothing changes outside transactions. (Statements sharing a message are run by PostgreSQL one
 * after the other in the same transaction; an error in any of them fails the transaction as usual.)
 */
export class PipelinedPgClient extends ClientPG {
  override _query(connection: Connection, obj: QueryObject): Promise<QueryObject> {
    const pending = (connection.tramitPending ??= []);
    if (obj.sql === 'BEGIN;') {
      pending.push('BEGIN');
      obj.response = { command: 'BEGIN', rows: [], rowCount: 0 };
      return Promise.resolve(obj);
    }
    if (/^ROLLBACK\b/.test(obj.sql) && pending[0] === 'BEGIN') {
      // The transaction never reached the server: there is nothing to roll back.
      pending.length = 0;
      obj.response = { command: 'ROLLBACK', rows: [], rowCount: 0 };
      return Promise.resolve(obj);
    }
    if (/^ROLLBACK\b/.test(obj.sql)) pending.length = 0;
    if (pending.length === 0) return super._query(connection, obj) as Promise<QueryObject>;
    const text = [...pending.splice(0), this.literal(obj)].join(';\n');
    return new Promise((resolve, reject) => {
      connection.query(text, (error: Error | null, results: unknown) => {
        if (error) {
          // The rest of the message was skipped and its transaction is aborted: end it here, so the
          // connection goes back to the pool clean whatever knex does next.
          connection.query('ROLLBACK', () => reject(error));
          return;
        }
        obj.response = Array.isArray(results) ? results[results.length - 1] : results;
        resolve(obj);
      });
    });
  }

  /** The statement with its parameters written as escaped literals, so it can share a message. */
  private literal(obj: QueryObject): string {
    const bindings = obj.bindings ?? [];
    if (bindings.length === 0) return obj.sql;
    const escape = (this as unknown as { _escapeBinding(value: unknown): string })._escapeBinding.bind(this);
    return obj.sql.replace(/\$(\d+)/g, (_match, index: string) => escape(bindings[Number(index) - 1]));
  }
}

/** Queues writes on a transaction's connection (see PipelinedPgClient); they go with its next read or commit. */
export async function deferWrites(
  trx: { client: { acquireConnection(): Promise<unknown> } },
  sql: string,
): Promise<boolean> {
  const connection = (await trx.client.acquireConnection()) as Connection;
  if (!connection.tramitPending) return false;
  connection.tramitPending.push(sql);
  return true;
}
