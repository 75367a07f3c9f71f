import type { Db } from '../../infra/db/create-knex.js';
import { hashSecret } from './password.js';
import { parseRoles } from './users-repo.js';
import { toPgArray } from '../../infra/db/pg-array.js';
import type { Role } from './roles.js';

export interface ClientRow {
  client_id: string;
  name: string;
  secret_hash: string;
  roles: Role[];
  active: boolean;
}

export async function findClient(db: Db, clientId: string): Promise<ClientRow | undefined> {
  const row = await db<ClientRow>('oauth_clients').where({ client_id: clientId }).first();
  return row ? { ...row, roles: parseRoles(row.roles) } : undefined;
}

export async function createClient(
  db: Db,
  client: { clientId: string; name: string; secret: string; roles: Role[]; demo?: boolean },
): Promise<void> {
  await db('oauth_clients').insert({
    client_id: client.clientId,
    name: client.name,
    secret_hash: await hashSecret(client.secret),
    roles: db.raw('?::tramit_role[]', [toPgArray(client.roles)]),
    demo: client.demo ?? false,
  });
}
