import type { Knex } from 'knex';

/**
 * Work a caller adds to a write's transaction, after the write and before its commit: whatever must
 * commit with it or not at all (an idempotent request's stored answer). Throwing rolls the write back.
 */
export type BeforeCommit<T> = (trx: Knex.Transaction, result: T) => Promise<void>;
