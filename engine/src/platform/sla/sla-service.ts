import type { Knex } from 'knex';
import type { CalendarRegistry } from '../calendars/calendar-registry.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import type { Logger } from '../../infra/logging/logger.js';
import { fireDueClocks } from './due-clocks.js';
import { applyRecordChange, type SlaRecordChange } from './record-clocks.js';
import type { SlaContext } from './sla-context.js';
import { publishOutbox, type SlaMessage } from './sla-outbox.js';
import { SlaPolicies } from './sla-policies.js';

export interface SlaServiceOptions {
  db: Knex;
  definitions: DefinitionStore;
  calendars: CalendarRegistry;
  /** Publishes an SLA event as a BPMN message (the process engine's `publishMessage`). */
  publish: (message: SlaMessage) => Promise<unknown>;
  now?: () => Date;
  /** Publish every event, even when no process listens for it now (default: only those listened for). */
  publishUnlistened?: boolean;
  /** How long the loops wait after a pass that found nothing to do. */
  pollMs?: number;
  batchSize?: number;
}

/** SLA clocks: driven by record changes, fired by a background loop, published through an outbox. */
export class SlaService {
  readonly ctx: SlaContext;
  private readonly publish: SlaServiceOptions['publish'];
  private readonly pollMs: number;
  private readonly publishUnlistened: boolean;
  private readonly batchSize: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly wakes = new Set<() => void>();

  constructor(options: SlaServiceOptions) {
    this.ctx = {
      db: options.db,
      policies: new SlaPolicies(options.definitions),
      calendars: options.calendars,
      now: options.now ?? (() => new Date()),
    };
    this.publish = options.publish;
    this.pollMs = options.pollMs ?? 250;
    this.publishUnlistened = options.publishUnlistened ?? false;
    this.batchSize = options.batchSize ?? 500;
  }

  /** The record-events listener (contract C2): runs inside the record's transaction. */
  onRecordChange = (change: SlaRecordChange, trx: Knex.Transaction): Promise<void> =>
    applyRecordChange(this.ctx, change, trx);

  /** One pass: fires due clocks, then publishes pending messages. Returns how much it did. */
  async runOnce(): Promise<{ clocks: number; messages: number }> {
    const clocks = await fireDueClocks(this.ctx, this.batchSize);
    const messages = await this.publishPending();
    return { clocks, messages };
  }

  private publishPending(): Promise<number> {
    return publishOutbox(this.ctx.db, this.publish, this.ctx.now(), this.batchSize, {
      publishUnlistened: this.publishUnlistened,
    });
  }

  /**
   * Background loops: two fire due clocks (their claims skip each other's rows, so one's SQL overlaps the
   * other's computing), one publishes the outbox (a slow engine never delays firing).
   */
  start(logger: Logger): void {
    if (this.running) return;
    this.stopping = false;
    const clocks = () => fireDueClocks(this.ctx, this.batchSize);
    const messages = () => this.publishPending();
    this.running = Promise.all([
      this.loop(logger, 'clocks', clocks),
      this.loop(logger, 'clocks', clocks),
      this.loop(logger, 'outbox', messages),
    ]).then(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of this.wakes) wake();
    await this.running;
    this.running = undefined;
  }

  private async loop(logger: Logger, name: string, pass: () => Promise<number>): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        busy = (await pass()) > 0;
      } catch (error) {
        logger.warn({ err: error }, `SLA ${name}: a pass failed; retrying`);
        await this.sleep(1000);
      }
      if (!busy) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakes.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakes.add(wake);
    });
  }
}
