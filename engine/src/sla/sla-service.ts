import type { Knex } from 'knex';
import type { CalendarRegistry } from '../calendars/calendar-registry.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import type { Logger } from '../logging/logger.js';
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
  /** How often the background loop looks for due clocks when idle. */
  pollMs?: number;
  batchSize?: number;
}

/** SLA clocks: driven by record changes, fired by a background loop, published through an outbox. */
export class SlaService {
  readonly ctx: SlaContext;
  private readonly publish: SlaServiceOptions['publish'];
  private readonly pollMs: number;
  private readonly batchSize: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(options: SlaServiceOptions) {
    this.ctx = {
      db: options.db,
      policies: new SlaPolicies(options.definitions),
      calendars: options.calendars,
      now: options.now ?? (() => new Date()),
    };
    this.publish = options.publish;
    this.pollMs = options.pollMs ?? 200;
    this.batchSize = options.batchSize ?? 500;
  }

  /** The record-events listener (contract C2): runs inside the record's transaction. */
  onRecordChange = (change: SlaRecordChange, trx: Knex.Transaction): Promise<void> =>
    applyRecordChange(this.ctx, change, trx);

  /** One pass: fires due clocks, then publishes pending messages. Returns how much it did. */
  async runOnce(): Promise<{ clocks: number; messages: number }> {
    const clocks = await fireDueClocks(this.ctx, this.batchSize);
    const messages = await publishOutbox(this.ctx.db, this.publish, this.ctx.now(), this.batchSize);
    return { clocks, messages };
  }

  start(logger: Logger): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop(logger);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  private async loop(logger: Logger): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        const done = await this.runOnce();
        busy = done.clocks >= this.batchSize || done.messages >= this.batchSize;
      } catch (error) {
        logger.warn({ err: error }, 'SLA clocks: a pass failed; retrying');
        await this.sleep(1000);
      }
      if (!busy) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
