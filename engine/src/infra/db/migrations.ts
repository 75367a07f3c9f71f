import type { Knex } from 'knex';
import { migrations, type NamedMigration } from '../../../../migrations/index.js';

const source: Knex.MigrationSource<NamedMigration> = {
  getMigrations: async () => migrations,
  getMigrationName: (migration) => migration.name,
  getMigration: async (migration) => migration,
};

const migrationConfig: Knex.MigratorConfig = {
  migrationSource: source,
  tableName: 'tramit_migrations',
  disableMigrationsListValidation: false,
};

export async function migrateLatest(db: Knex): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(migrationConfig)) as [number, string[]];
  return applied;
}

export async function rollbackAll(db: Knex): Promise<string[]> {
  const [, reverted] = (await db.migrate.rollback(migrationConfig, true)) as [number, string[]];
  return reverted;
}

export async function pendingMigrations(db: Knex): Promise<string[]> {
  const [, pending] = (await db.migrate.list(migrationConfig)) as [unknown[], NamedMigration[]];
  return pending.map((m) => m.name);
}
