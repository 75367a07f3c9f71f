import { createClient } from '../src/platform/auth/clients-repo.js';
import { randomToken } from '../src/platform/auth/password.js';
import type { Role } from '../src/platform/auth/roles.js';
import { countUsers, createUser } from '../src/platform/auth/users-repo.js';
import type { Db } from '../src/infra/db/create-knex.js';

export interface DemoCredentials {
  users: { username: string; password: string; roles: Role[] }[];
  client: { clientId: string; clientSecret: string };
}

const demoUsers: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: 'Anna Puig (admin)', role: 'admin' },
  { username: 'supervisor', displayName: 'Jordi Soler (supervisor)', role: 'supervisor' },
  { username: 'agent', displayName: 'Marta Vidal (agent)', role: 'agent' },
  { username: 'manager', displayName: 'Pere Roca (manager)', role: 'manager' },
  { username: 'integration', displayName: 'Integration account', role: 'integration' },
];

/**
 * On an empty database, one demo user per role and one OAuth client. Never called in production.
 * Passwords are random unless `fixedPassword` is given; they are returned so they can be shown once.
 */
export async function seedDemoAccounts(db: Db, fixedPassword?: string): Promise<DemoCredentials | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const credentials: DemoCredentials = {
    users: [],
    client: { clientId: 'demo-integration', clientSecret: fixedPassword ?? randomToken(24) },
  };
  await db.transaction(async (trx) => {
    for (const demo of demoUsers) {
      const password = fixedPassword ?? randomToken(12);
      await createUser(trx, {
        username: demo.username,
        displayName: demo.displayName,
        password,
        roles: [demo.role],
        demo: true,
      });
      credentials.users.push({ username: demo.username, password, roles: [demo.role] });
    }
    await createClient(trx, {
      clientId: credentials.client.clientId,
      name: 'Demo integration',
      secret: credentials.client.clientSecret,
      roles: ['integration'],
      demo: true,
    });
  });
  return credentials;
}

export function formatDemoBanner(credentials: DemoCredentials, baseUrl: string): string {
  const width = Math.max(...credentials.users.map((u) => u.username.length));
  const lines = [
    '',
    '  Tramit demo accounts (shown once; they are not stored in clear anywhere):',
    '',
    ...credentials.users.map((u) => `    ${u.username.padEnd(width)}  ${u.password}`),
    '',
    `    OAuth client  ${credentials.client.clientId} / ${credentials.client.clientSecret}`,
    '',
    `  Open ${baseUrl}`,
    '',
  ];
  return lines.join('\n');
}
