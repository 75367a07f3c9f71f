import type { FeelEvaluator } from '../core/feel/evaluator.js';
import type { Knex } from 'knex';
import type { ProcessModel } from '../core/bpmn/model.js';
import type { Command, CommandOutcome } from '../core/runtime/commands.js';
import type { BusinessTimeResolver } from '../core/runtime/execution.js';
import type { InstanceHeader, InstanceSnapshot } from '../core/runtime/state.js';
import type { Statement } from './store/batch.js';
import type { DefinitionCache } from './store/definition-cache.js';
import type { HistoryEntry } from './store/history.js';
import type { KeyAllocator } from './store/keys.js';
import type { JobJson } from './store/snapshot.js';

/*
 * The engine's seams, below every module that implements them: the commands (commands/) and the
 * transaction runner receive the batcher, the notifier and the session through these interfaces,
 * so no module imports the one that calls it (engine/src/import-cycles.test.ts keeps it so).
 */

/** What every engine operation needs: the database, keys, cached models, wake-ups, and the clock. */
export interface EngineContext {
  db: Knex;
  keys: KeyAllocator;
  definitions: DefinitionCache;
  notifier: Notifier;
  now: () => Date;
  /** Where commands go to share transactions with others (group commit; scheduling/command-batcher). */
  commands: CommandSubmitter;
  /** Business time for timers with `tramit:calendar`; without it such timers raise an incident. */
  businessTime?: BusinessTimeResolver;
  /** Evaluates FEEL within the limits, risky expressions in a worker thread (feel-isolated.ts). */
  feel?: FeelEvaluator;
}

/** What a command works on, as far as its caller knows: the batch locks and loads these up front. */
export interface CommandTarget {
  /** The instance it locks first. */
  instanceKey?: string;
  /** The job whose instance it locks first. */
  jobKey?: string;
}

export interface CommandSubmitter {
  /** Runs `work` in a transaction, perhaps with other commands; resolves once it has committed. */
  submit<T>(target: CommandTarget, work: (session: CommandSession) => Promise<T>): Promise<T>;
}

/**
 * One transaction of commands (commands/executor.ts): instances, each locked on first use, and
 * whatever the commands cause on other instances before it commits.
 */
export interface CommandSession {
  readonly ctx: EngineContext;
  readonly trx: Knex.Transaction;
  readonly now: Date;
  /** A new instance of this transaction: its row goes with its first writes, and there is nothing to load. */
  adopt(created: { header: InstanceHeader; insert: Statement }, model: ProcessModel): void;
  /** A write to send with the next command's batch (or by `flush`). */
  defer(statement: Statement): void;
  flush(): Promise<void>;
  /** Locks and loads the instance of a job; the job as it is after the lock. */
  snapshotForJob(jobKey: string): Promise<{ snapshot: InstanceSnapshot; job: JobJson } | undefined>;
  /** Locks and loads an instance. */
  snapshot(instanceKey: string): Promise<InstanceSnapshot | undefined>;
  /** Runs a command, then everything it caused, until the work in this transaction is done. */
  run(instanceKey: string, command: Command, history?: HistoryEntry[]): Promise<CommandOutcome>;
}

export type Channel = 'engine_jobs' | 'engine_timers' | 'engine_instances';

/**
 * Wake-ups between engine processes (scheduling/notifier.ts): a command asks for one with
 * `afterCommit`; waiters in this process and in the others hear it once the transaction commits.
 */
export interface Notifier {
  afterCommit(trx: Knex.Transaction, channel: Channel, payload: string): void;
  on(channel: Channel, listener: (payload: string) => void): () => void;
  /** The other engine processes listening on this database now (0 on PGlite: there are none). */
  countPeers(): Promise<number>;
  close(): Promise<void>;
}
