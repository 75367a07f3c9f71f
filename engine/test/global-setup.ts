import type { TestProject } from 'vitest/node';
import { adminUrl, createDatabase, dropDatabase, testDbKind } from './test-databases.js';
import { createKnex } from '../src/infra/db/create-knex.js';
import { migrateLatest } from '../src/infra/db/migrations.js';

/** On PostgreSQL: one migrated template database per run; each test file clones it (fast and isolated). */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  if (testDbKind() === 'pglite') return;
  const template = `tramit_tpl_${process.pid}_${Date.now().toString(36)}`;
  await createDatabase(template);
  const db = createKnex({ kind: 'postgres', url: adminUrl(template), poolMax: 1 });
  try {
    await migrateLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('templateDatabase', template);
  return () => dropDatabase(template);
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
