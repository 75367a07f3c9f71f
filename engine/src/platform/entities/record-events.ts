import type { Knex } from 'knex';

export interface RecordChange {
  entityType: string;
  id: string;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Runs inside the writing transaction: its failure rolls the write back. */
export type RecordListener = (change: RecordChange, trx: Knex.Transaction) => Promise<void>;
/** Runs after the writing transaction committed, on a connection of its own. */
export type CommittedRecordListener = (change: RecordChange) => Promise<void>;

/**
 * Record changes. `on` listeners run inside the writing transaction and may only use that
 * transaction (a second connection from the pool while holding one is a nested acquire); `onCommitted`
 * listeners run once the write has committed, before the writer returns, and their failures are
 * reported, not thrown: the write stands.
 */
export class RecordEvents {
  private readonly listeners = new Set<RecordListener>();
  private readonly committedListeners = new Set<CommittedRecordListener>();
  /** Where a failing after-commit listener is reported. */
  reportError: (error: unknown, change: RecordChange) => void = () => undefined;

  on(listener: RecordListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onCommitted(listener: CommittedRecordListener): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  async emit(change: RecordChange, trx: Knex.Transaction): Promise<void> {
    for (const listener of [...this.listeners]) await listener(change, trx);
  }

  /** After the commit of the transaction that made `changes`. */
  async committed(changes: readonly RecordChange[]): Promise<void> {
    if (this.committedListeners.size === 0) return;
    for (const change of changes) {
      for (const listener of [...this.committedListeners]) {
        await listener(change).catch((error: unknown) => this.reportError(error, change));
      }
    }
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }
}
