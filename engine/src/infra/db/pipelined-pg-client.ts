import { whileHolding } from './connection-guard.js';
import ClientPG from 'knex/lib/dialects/postgres/index.js';
import type pg from 'pg';
import { PreparedNames } from './prepared-names.js';
import { expand, inline, settle, type PreparedBook, type ScriptStatement } from './prepared-script.js';
import { literal as sqlLiteral } from './sql-literal.js';
import { mergeWrites, type Write } from './merge-writes.js';

interface QueryObject {
  sql: string;
  bindings?: unknown[];
  options?: Record<string, unknown>;
  response?: unknown;
}

type Connection = pg.Client & {
  tramitPending?: Write[];
  /** Names of the statements prepared on this connection: by PreparedNames, and by scripts. */
  tramitPrepared?: Set<string>;
  tramitScripts?: PreparedBook;
  connection?: { parsedStatements: Record<string, string> };
};

/** "cached plan must not change result type": a prepared statement outlived a schema change. */
const stalePlan = '0A000';

/**
 * knex's PostgreSQL client with fewer round trips: `BEGIN` and the writes handed to `deferWrites`
 * wait on the connection and go out in one message with the next statement that needs an answer —
 * a read, or the `COMMIT`. A command then costs: its reads, and one message that writes and commits.
 * Nothing changes outside transactions. (Statements sharing a message are run by PostgreSQL one
 * after the other in the same transaction; an error in any of them fails the transaction as usual.)
 */
/** One book for the process: knex builds transaction clients from the prototype, without fields. */
const prepared = new PreparedNames();

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
    if (pending.length === 0) return this.alone(connection, obj);
    return send(connection, [...mergeWrites(pending.splice(0)), this.literal(obj)]).then((results) => {
      obj.response = results[results.length - 1];
      return obj;
    });
  }

  /**
   * A statement on its own, in the extended protocol; a parameterized one that keeps coming back is
   * prepared on the connection (see PreparedNames).
   */
  private async alone(connection: Connection, obj: QueryObject): Promise<QueryObject> {
    const held = (connection.tramitPrepared ??= new Set());
    const name =
      obj.bindings && obj.bindings.length > 0 && !obj.options?.name
        ? prepared.nameFor(obj.sql, held)
        : undefined;
    if (!name) return super._query(connection, obj) as Promise<QueryObject>;
    obj.options = { ...obj.options, name };
    try {
      const done = (await super._query(connection, obj)) as QueryObject;
      held.add(name);
      return done;
    } catch (error) {
      if ((error as { code?: string }).code === stalePlan) {
        // The next call prepares the text afresh under a new name; this one fails as it would have.
        prepared.forget(obj.sql);
        held.delete(name);
        if (connection.connection) delete connection.connection.parsedStatements[name];
      }
      throw error;
    } finally {
      delete obj.options.name;
    }
  }

  /** The statement with its parameters written as escaped literals, so it can share a message. */
  private literal(obj: QueryObject): string {
    const bindings = obj.bindings ?? [];
    if (bindings.length === 0) return obj.sql;
    const escape = (this as unknown as { _escapeBinding(value: unknown): string })._escapeBinding.bind(this);
    // Strings and numbers the fast way (native replaceAll, the same literals knex writes); the rest
    // (arrays, objects, dates, buffers) as knex writes them.
    return obj.sql.replace(/\$(\d+)/g, (_match, index: string) => {
      const value = bindings[Number(index) - 1];
      return typeof value === 'string' || typeof value === 'number' ? sqlLiteral(value) : escape(value);
    });
  }
}

type Result = { rows: Record<string, unknown>[] };
type PgliteConnection = { exec(sql: string): Promise<unknown>; query(sql: string): Promise<Result> };

/** PGlite answers at once, so statements simply run one after the other. */
function isPglite(connection: Connection | PgliteConnection): connection is PgliteConnection {
  return typeof (connection as Partial<PgliteConnection>).exec === 'function';
}

async function eachOnPglite(connection: PgliteConnection, statements: string[]): Promise<Result[]> {
  const results: Result[] = [];
  for (const statement of statements) results.push(await connection.query(statement));
  return results;
}

/**
 * Writes for a transaction, as SQL text with literals. On PostgreSQL they wait on the connection
 * (see PipelinedPgClient) and go with its next read or the commit; on PGlite, where a statement
 * costs no round trip, they run now.
 */
export async function deferWrites(
  trx: { client: { acquireConnection(): Promise<unknown> } },
  writes: string | readonly Write[],
): Promise<void> {
  const list = typeof writes === 'string' ? [writes] : writes;
  const connection = (await trx.client.acquireConnection()) as Connection | PgliteConnection;
  if (isPglite(connection)) await connection.exec(mergeWrites(list).join(';\n'));
  else (connection.tramitPending ??= []).push(...list);
}

/**
 * Runs several statements of a transaction in one message (with whatever writes are waiting) and
 * answers the results of `statements` (each a single statement), in order. In READ COMMITTED each
 * statement still sees the data committed before it starts, so a statement after a lock sees what
 * the lock waited for.
 */
export async function queryScript(
  trx: { client: { acquireConnection(): Promise<unknown> } },
  statements: ScriptStatement[],
): Promise<Result[]> {
  const connection = (await trx.client.acquireConnection()) as Connection | PgliteConnection;
  if (isPglite(connection)) return eachOnPglite(connection, statements.map(inline));
  const pending = (connection.tramitPending ??= []);
  const waiting = mergeWrites(pending.splice(0));
  return sendScript(connection, statements, (texts) => [...waiting, ...texts]);
}

/**
 * Sends `statements` (prepared ones expanded for this connection) inside what `frame` puts around
 * them; the results of `statements`, in order.
 */
async function sendScript(
  connection: Connection,
  statements: ScriptStatement[],
  frame: (texts: string[]) => string[],
  after = 0,
): Promise<Result[]> {
  const book = (connection.tramitScripts ??= new Map());
  const expanded = expand(book, statements);
  const message = frame(expanded.texts);
  let results: Result[];
  try {
    results = await send(connection, message);
  } catch (error) {
    settle(book, expanded, false);
    throw error;
  }
  settle(book, expanded, true);
  // Counted from the end: a waiting write may hold several statements.
  const start = results.length - after - expanded.texts.length;
  return expanded.answers.map((i) => results[start + i]!);
}

/** One message of statements; all their results. */
function send(connection: Connection, statements: string[]): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    connection.query(statements.join(';\n'), (error: Error | null, results: unknown) => {
      if (error) {
        // The rest of the message was skipped and its transaction is aborted: end it here, so the
        // connection goes back to the pool clean whatever knex does next.
        connection.query('ROLLBACK', () => reject(error));
        return;
      }
      resolve((Array.isArray(results) ? results : [results]) as Result[]);
    });
  });
}

export interface ScriptSteps {
  /** Sends the statements in one message (the first one also opens the transaction); their results. */
  step(statements: ScriptStatement[]): Promise<Result[]>;
  /** Sends the last statements in one message with the COMMIT; their results. */
  commit(statements: ScriptStatement[]): Promise<Result[]>;
}

type PooledDb = {
  client: { acquireConnection(): Promise<unknown>; releaseConnection(c: unknown): Promise<unknown> };
};

/**
 * A transaction on a pooled connection, without knex's transaction object (which costs a new knex
 * instance, and garbage collection, per transaction): `work` sends its statements in steps, one
 * message each, the last with the COMMIT (sent for it if it did not). If `work` throws, the
 * transaction is rolled back. With `durable: false` the commit does not wait for the disk: for
 * writes whose loss in a crash of the database is harmless.
 */
export async function scriptTransaction<T>(
  db: PooledDb,
  options: { durable: boolean },
  work: (steps: ScriptSteps) => Promise<T>,
): Promise<T> {
  const connection = (await db.client.acquireConnection()) as Connection | PgliteConnection;
  const opening = ['begin', ...(options.durable ? [] : ['set local synchronous_commit to off'])];
  const tx: { state: 'new' | 'open' | 'ended' } = { state: 'new' };
  const run = async (statements: ScriptStatement[], closing: boolean): Promise<Result[]> => {
    if (tx.state === 'ended') throw new Error('this transaction has ended');
    const opens = tx.state === 'new';
    tx.state = 'open';
    if (isPglite(connection)) {
      if (opens) await connection.exec(opening.join(';\n'));
      const results = await eachOnPglite(connection, statements.map(inline));
      if (closing) {
        await connection.exec('commit');
        tx.state = 'ended';
      }
      return results;
    }
    const frame = (texts: string[]) => [...(opens ? opening : []), ...texts, ...(closing ? ['commit'] : [])];
    try {
      return await sendScript(connection, statements, frame, closing ? 1 : 0);
    } catch (error) {
      tx.state = 'ended'; // send() has rolled back
      throw error;
    } finally {
      if (closing) tx.state = 'ended';
    }
  };
  try {
    const result = await whileHolding('a script transaction', () =>
      work({ step: (s) => run(s, false), commit: (s) => run(s, true) }),
    );
    if (tx.state === 'open') await run([], true);
    return result;
  } catch (error) {
    if (tx.state === 'open') {
      tx.state = 'ended';
      if (isPglite(connection)) await connection.exec('rollback');
      else await send(connection, ['rollback']);
    }
    throw error;
  } finally {
    await db.client.releaseConnection(connection);
  }
}

/** A short transaction of its own in one message (BEGIN, the statements, COMMIT); their results. */
export function transactionScript(
  db: PooledDb,
  statements: ScriptStatement[],
  options: { durable: boolean },
): Promise<Result[]> {
  return scriptTransaction(db, options, (steps) => steps.commit(statements));
}
