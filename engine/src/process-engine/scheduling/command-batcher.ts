import { AsyncResource } from 'node:async_hooks';
import { inTransaction, type CommandSession } from '../commands/executor.js';
import type { PreloadKeys } from '../store/preload.js';
import type { CommandSession as Session, CommandSubmitter, CommandTarget, EngineContext } from '../types.js';

export interface BatchLimits {
  /** Batches whose transactions may be open at once. */
  inFlight: number;
  /** Commands in one transaction at most. */
  size: number;
}

interface Waiting {
  target: CommandTarget;
  /** `command.run` in the async context of its caller: history names the caller's actor and request. */
  run: (session: CommandSession) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const int64 = /^\d{1,19}$/;
const keysWanted = 200; // per command: what one command's effects need, and room to spare

/** The keys a batch names, deduplicated; a key that cannot be a key is left to its command to reject. */
export function preloadKeys(commands: readonly CommandTarget[]): PreloadKeys {
  const pick = (keys: (string | undefined)[]) => [
    ...new Set(keys.filter((k): k is string => k !== undefined && int64.test(k))),
  ];
  return {
    instanceKeys: pick(commands.map((c) => c.instanceKey)),
    jobKeys: pick(commands.map((c) => c.jobKey)),
  };
}

/**
 * Group commit for engine commands. A command that arrives while fewer than `inFlight` batches run
 * starts at once (with whatever arrived in the same turn of the event loop); the others wait and
 * go together, up to `size`, in the next transaction: its instances are locked and loaded in one
 * round trip, in key order, and everything commits at once. Under load, many commands then share the
 * cost of one transaction; alone, a command waits for nobody. Each command keeps its own outcome:
 * when one fails, it has rolled back the whole batch, so every command of it runs again alone.
 */
export class CommandBatcher implements CommandSubmitter {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly ctx: EngineContext,
    private readonly limits: BatchLimits = { inFlight: 4, size: 64 },
  ) {}

  /** Runs `work` in a transaction, perhaps with other commands; resolves once it has committed. */
  submit<T>(target: CommandTarget, work: (session: Session) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        target,
        run: AsyncResource.bind(work),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.limits.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.limits.inFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.limits.size);
      this.inFlight++;
      void this.runBatch(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async runBatch(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) return this.runAlone(batch[0]!);
    let results: unknown[];
    try {
      results = await inTransaction(
        this.ctx,
        async (session) => {
          await session.preload(preloadKeys(batch.map((w) => w.target)));
          const out: unknown[] = [];
          for (const waiting of batch) out.push(await waiting.run(session));
          return out;
        },
        keysWanted * batch.length,
      );
    } catch {
      // In the order they came: of two commands racing for one job or task, the first one wins.
      for (const waiting of batch) await this.runAlone(waiting);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  private async runAlone(waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await inTransaction(this.ctx, (session) => waiting.run(session)));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
