import type { Knex } from 'knex';
import { CommandBatcher } from './scheduling/command-batcher.js';
import { createNotifier } from './scheduling/notifier.js';
import { DefinitionCache } from './store/definition-cache.js';
import { KeyAllocator } from './store/keys.js';
import type { EngineContext } from './types.js';

/**
 * Assembles what the engine's modules share. `database` picks the wake-ups: across processes
 * (LISTEN/NOTIFY on PostgreSQL) or only within this one (PGlite). The caller closes the notifier.
 */
export async function createEngineContext(
  db: Knex,
  database: { kind: 'postgres'; url: string } | { kind: 'pglite' },
): Promise<EngineContext> {
  const ctx = {
    db,
    keys: new KeyAllocator(db),
    definitions: new DefinitionCache(),
    notifier: await createNotifier(database),
    now: () => new Date(),
  } as EngineContext;
  ctx.commands = new CommandBatcher(ctx);
  return ctx;
}
