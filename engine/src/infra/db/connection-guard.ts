import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import type { Knex } from 'knex';

/**
 * Catches a nested acquire: code that holds a pooled connection (inside a transaction) asking the
 * pool for another one. On embedded PGlite the pool has one connection, so such code waits for
 * itself until the acquire times out and freezes the server meanwhile; on PostgreSQL it needs two
 * connections per request and deadlocks once the pool is busy. Pass the transaction down, or run the
 * work after the commit.
 */
export class NestedAcquireError extends Error {
  constructor(holder: string) {
    super(
      `a database connection was requested while this code holds one (${holder}); ` +
        'pass the transaction down or run the work after the commit',
    );
    this.name = 'NestedAcquireError';
  }
}

const holding = new AsyncLocalStorage<string>();

/** Runs `work` as the holder of a connection: a pool acquire inside it is a nested acquire. */
export function whileHolding<T>(holder: string, work: () => T): T {
  return holding.run(holder, work);
}

/**
 * Runs `work` outside any holder: for work that is started from inside a transaction but runs on
 * its own afterwards (a timer, a queue flush), which may acquire its own connection.
 */
export function detached<T>(work: () => T): T {
  return holding.exit(work);
}

export type NestedAcquirePolicy = 'throw' | 'log';

interface GuardedClient {
  acquireConnection(): Promise<unknown>;
  __tramitGuarded?: boolean;
}

/** Makes `db`'s pool refuse (or report) an acquire from code that already holds a connection. */
export function guardConnections(
  db: Knex,
  policy: NestedAcquirePolicy,
  report: (error: Error) => void,
): void {
  patchTransactions();
  const client = db.client as GuardedClient;
  if (client.__tramitGuarded) return;
  client.__tramitGuarded = true;
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = () => {
    const holder = holding.getStore();
    if (holder !== undefined) {
      const error = new NestedAcquireError(holder);
      if (policy === 'throw') return Promise.reject(error);
      report(error);
    }
    return acquire();
  };
}

type TransactionPrototype = {
  acquireConnection(config: unknown, cb: (connection: unknown) => Promise<unknown>): Promise<unknown>;
  __tramitGuarded?: boolean;
};

/** knex's transactions run their handler as the holder of their connection. */
function patchTransactions(): void {
  const require = createRequire(import.meta.url);
  const Transaction = require('knex/lib/execution/transaction.js') as { prototype: TransactionPrototype };
  const proto = Transaction.prototype;
  if (proto.__tramitGuarded) return;
  proto.__tramitGuarded = true;
  const acquireConnection = proto.acquireConnection;
  proto.acquireConnection = function (this: TransactionPrototype, config, cb) {
    return acquireConnection.call(this, config, (connection) =>
      holding.run('a knex transaction', () => cb(connection)),
    );
  };
}
