import { parseArgs } from 'node:util';
import { isRole } from '../../platform/auth/roles.js';
import { createUser } from '../../platform/auth/users-repo.js';
import { ConfigError, loadConfig } from '../../infra/config/config.js';
import { createKnex } from '../../infra/db/create-knex.js';
import { migrateLatest } from '../../infra/db/migrations.js';

/**
 * Creates a user, e.g. the first admin of a production install:
 *   TRAMIT_NEW_PASSWORD=... npm run user:create -- --username ada --name "Ada" --role admin
 * The password is read from TRAMIT_NEW_PASSWORD so it stays out of the shell history.
 */
async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      email: { type: 'string' },
    },
  });
  const password = process.env.TRAMIT_NEW_PASSWORD;
  const roles = values.role ?? [];
  if (!values.username || roles.length === 0 || !password) {
    throw new Error(
      'usage: TRAMIT_NEW_PASSWORD=... user:create -- --username NAME --role ROLE [--name "Full name"]',
    );
  }
  if (password.length < 12) throw new Error('TRAMIT_NEW_PASSWORD must be at least 12 characters');
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length > 0) throw new Error(`unknown role(s): ${bad.join(', ')}`);
  const db = createKnex(loadConfig().database);
  try {
    await migrateLatest(db);
    const user = await createUser(db, {
      username: values.username,
      displayName: values.name ?? values.username,
      password,
      roles: roles.filter(isRole),
      ...(values.email ? { email: values.email } : {}),
    });
    console.log(`Created user ${user.username} (${user.roles.join(', ')}), id ${user.id}`);
  } finally {
    await db.destroy();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
});
