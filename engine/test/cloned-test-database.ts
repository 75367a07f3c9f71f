import { createKnex, type Db } from '../src/infra/db/create-knex.js';
import { adminUrl, createDatabase, dropDatabase, uniqueDatabaseName } from './test-databases.js';

/** For tests: a database cloned from the migrated template (`inject('templateDatabase')`), with a knex on it. */
export async function clonedTestDatabase(
  template: string,
  prefix: string,
  poolMax: number,
): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const name = uniqueDatabaseName(prefix);
  await createDatabase(name, template);
  const db = createKnex({ kind: 'postgres', url: adminUrl(name), poolMax });
  return {
    db,
    url: adminUrl(name),
    async drop() {
      await db.destroy();
      await dropDatabase(name);
    },
  };
}
