import type { Knex } from 'knex';
import type { DefinitionCache } from './definition-cache.js';
import type { FeelEvaluator } from '../core/feel/evaluator.js';
import type { BusinessTimeResolver } from '../core/runtime/execution.js';
import type { KeyAllocator } from './keys.js';
import type { Notifier } from './notifier.js';
import type { CommandBatcher } from './command-batcher.js';

/** What every engine operation needs: the database, keys, cached models, wake-ups, and the clock. */
export interface EngineContext {
  db: Knex;
  keys: KeyAllocator;
  definitions: DefinitionCache;
  notifier: Notifier;
  now: () => Date;
  /** Where commands go to share transactions with others (group commit). */
  commands: CommandBatcher;
  /** Business time for timers with `tramit:calendar`; without it such timers raise an incident. */
  businessTime?: BusinessTimeResolver;
  /** Evaluates FEEL within the limits, risky expressions in a worker thread (feel-isolated.ts). */
  feel: FeelEvaluator;
}

/** A caller's mistake or a conflict with the current state, mapped to 4xx by the API. */
export class EngineError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_ARGUMENT' | 'ALREADY_EXISTS',
    message: string,
    readonly details?: { elementId?: string; message: string }[],
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
