import type { Knex } from 'knex';
import { currentContext } from '../../infra/logging/request-context.js';
import { appendAudit, channelOf, type AuditEntryInput } from './append-audit.js';

export interface ReadAuditQueueOptions {
  /** How long an entry may wait before its batch is written. */
  maxDelayMs?: number;
  /** Entries per written batch (one transaction each). */
  maxBatch?: number;
  /** Past this many waiting entries, a read waits for the write before it answers. */
  maxPending?: number;
  onError?: (error: unknown) => void;
}

/**
 * Write-behind for `read` audit entries. A lookup must not pay for a transaction on the audit
 * chain's lock, so reads are queued with who read what (captured when the read happens) and written
 * in batches, one transaction per batch, within `maxDelayMs`. The audit stays fail-closed: once a
 * batch could not be written, every further read waits for the retried write and fails with it,
 * and a full queue makes readers wait. Changes are never queued: they are audited in their own
 * transaction. Readers of the audit (listing, verify, a person's trail) call `flush()` first.
 */
export class ReadAuditQueue {
  private pending: AuditEntryInput[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private failed = false;
  private readonly maxDelayMs: number;
  private readonly maxBatch: number;
  private readonly maxPending: number;

  constructor(
    private readonly db: Knex,
    private readonly options: ReadAuditQueueOptions = {},
  ) {
    this.maxDelayMs = options.maxDelayMs ?? 20;
    this.maxBatch = options.maxBatch ?? 1_000;
    this.maxPending = options.maxPending ?? 10_000;
  }

  /** Queues read entries, stamped with the current request's actor, channel and request id. */
  async add(entries: AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return;
    const context = currentContext();
    const reader: Pick<AuditEntryInput, 'actor' | 'channel' | 'requestId'> = {
      actor: context?.actor ?? { kind: 'engine', id: 'engine' },
      channel: channelOf(context),
      ...(context?.requestId ? { requestId: context.requestId } : {}),
    };
    for (const entry of entries) this.pending.push({ ...reader, ...entry });
    if (this.failed || this.pending.length >= this.maxPending) {
      await this.flush();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => this.options.onError?.(error));
    }, this.maxDelayMs);
  }

  get size(): number {
    return this.pending.length;
  }

  /** Writes every queued entry; resolves when they are committed, rejects if they could not be. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.writing) await this.writing.catch(() => undefined);
    if (this.pending.length === 0) return;
    this.writing = this.writeAll();
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
  }

  /**
   * Writes what is queued now, `maxBatch` at a time. Entries queued meanwhile wait for their own
   * timer: draining until the queue is empty would, under a steady stream of reads, write a
   * transaction for every entry or two instead of one per `maxDelayMs`.
   */
  private async writeAll(): Promise<void> {
    const taken = this.pending.splice(0);
    for (let i = 0; i < taken.length; i += this.maxBatch) {
      try {
        await appendAudit(this.db, taken.slice(i, i + this.maxBatch));
        this.failed = false;
      } catch (error) {
        this.pending.unshift(...taken.slice(i));
        this.failed = true;
        throw error;
      }
    }
  }
}
