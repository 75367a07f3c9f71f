import type { Knex } from 'knex';

export interface RecordChange {
  entityType: string;
  id: string;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type RecordListener = (change: RecordChange, trx: Knex.Transaction) => Promise<void>;

/** Record changes, delivered inside the writing transaction: a listener's failure rolls the write back. */
export class RecordEvents {
  private readonly listeners = new Set<RecordListener>();

  on(listener: RecordListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async emit(change: RecordChange, trx: Knex.Transaction): Promise<void> {
    for (const listener of [...this.listeners]) await listener(change, trx);
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }
}
