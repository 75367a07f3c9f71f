import { ConfigError, loadConfig } from '../../infra/config/config.js';
import { createKnex } from '../../infra/db/create-knex.js';
import { migrateLatest, rollbackAll } from '../../infra/db/migrations.js';

/** `npm run migrate` (apply all) or `npm run migrate -- down` (revert all). */
async function run(): Promise<void> {
  const config = loadConfig();
  const db = createKnex(config.database);
  try {
    const direction = process.argv[2] ?? 'up';
    if (direction !== 'up' && direction !== 'down') throw new Error('usage: migrate [up|down]');
    const names = direction === 'up' ? await migrateLatest(db) : await rollbackAll(db);
    console.log(
      names.length ? `${direction}: ${names.join(', ')}` : 'Nothing to do: migrations are current.',
    );
  } finally {
    await db.destroy();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
