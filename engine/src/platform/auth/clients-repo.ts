import type { Db } from '../../infra/db/create-knex.js';
import { hashSecret } from './password.js';
import { parseRoles } from './users-repo.js';
import { fromPgArray, toPgArray } from '../../infra/db/pg-array.js';
import type { Role } from './roles.js';
import { isScope, type Scope } from './scopes.js';

export interface ClientRow {
  client_id: string;
  name: string;
  secret_hash: string;
  roles: Role[];
  /** null: no scope limit, the roles decide. */
  scopes: Scope[] | null;
  active: boolean;
  demo: boolean;
  previous_secret_hash: string | null;
  previous_secret_until: Date | null;
  secret_generation: number;
  min_token_generation: number;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A client as the API shows it: never a secret or its hash. */
export interface PublicClient {
  clientId: string;
  name: string;
  roles: Role[];
  scopes: Scope[] | null;
  status: 'active' | 'revoked';
  demo: boolean;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** Until when the secret before the last rotation is still accepted, if it is. */
  previousSecretValidUntil: string | null;
}

const iso = (value: Date | string | null): string | null => (value ? new Date(value).toISOString() : null);

function normalise(row: ClientRow): ClientRow {
  return {
    ...row,
    roles: parseRoles(row.roles),
    scopes: row.scopes === null ? null : fromPgArray(row.scopes).filter(isScope),
  };
}

export function toPublicClient(row: ClientRow, now = Date.now()): PublicClient {
  const until = row.previous_secret_until ? new Date(row.previous_secret_until).getTime() : 0;
  return {
    clientId: row.client_id,
    name: row.name,
    roles: row.roles,
    scopes: row.scopes,
    status: row.active ? 'active' : 'revoked',
    demo: row.demo,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
    previousSecretValidUntil: row.previous_secret_hash && until > now ? iso(row.previous_secret_until) : null,
  };
}

export async function findClient(
  db: Db,
  clientId: string,
  forUpdate = false,
): Promise<ClientRow | undefined> {
  const query = db<ClientRow>('oauth_clients').where({ client_id: clientId }).first();
  if (forUpdate) void query.forUpdate();
  const row = await query;
  return row ? normalise(row) : undefined;
}

/** Active clients first, then by name. */
export async function listClients(db: Db): Promise<PublicClient[]> {
  const rows = await db<ClientRow>('oauth_clients').orderBy([
    { column: 'active', order: 'desc' },
    { column: 'name' },
    { column: 'client_id' },
  ]);
  return rows.map((row) => toPublicClient(normalise(row)));
}

const scopesValue = (db: Db, scopes: readonly Scope[] | null | undefined) =>
  scopes === null || scopes === undefined ? null : db.raw('?::text[]', [toPgArray(scopes)]);

export async function createClient(
  db: Db,
  client: {
    clientId: string;
    name: string;
    secret: string;
    roles: Role[];
    scopes?: Scope[] | null;
    demo?: boolean;
  },
): Promise<ClientRow> {
  const [row] = await db('oauth_clients')
    .insert({
      client_id: client.clientId,
      name: client.name,
      secret_hash: await hashSecret(client.secret),
      roles: db.raw('?::tramit_role[]', [toPgArray(client.roles)]),
      scopes: scopesValue(db, client.scopes),
      demo: client.demo ?? false,
    })
    .returning('*');
  return normalise(row as ClientRow);
}

export async function updateClient(
  db: Db,
  clientId: string,
  change: { name?: string; roles?: Role[]; scopes?: Scope[] | null },
): Promise<ClientRow> {
  const [row] = await db('oauth_clients')
    .where({ client_id: clientId })
    .update({
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.roles === undefined ? {} : { roles: db.raw('?::tramit_role[]', [toPgArray(change.roles)]) }),
      ...(change.scopes === undefined ? {} : { scopes: scopesValue(db, change.scopes) }),
      updated_at: db.fn.now(),
    })
    .returning('*');
  return normalise(row as ClientRow);
}

/**
 * A new secret and generation. With a grace period the old secret keeps working until it ends, and
 * so do the tokens it got; without one, tokens got with older secrets stop working at once.
 */
export async function rotateClientSecret(
  db: Db,
  current: ClientRow,
  secret: string,
  graceSeconds: number,
): Promise<ClientRow> {
  const generation = current.secret_generation + 1;
  const [row] = await db('oauth_clients')
    .where({ client_id: current.client_id })
    .update({
      secret_hash: await hashSecret(secret),
      secret_generation: generation,
      previous_secret_hash: graceSeconds > 0 ? current.secret_hash : null,
      previous_secret_until:
        graceSeconds > 0 ? db.raw(`now() + (? * interval '1 second')`, [graceSeconds]) : null,
      min_token_generation: graceSeconds > 0 ? current.secret_generation : generation,
      updated_at: db.fn.now(),
    })
    .returning('*');
  return normalise(row as ClientRow);
}

export async function revokeClient(db: Db, clientId: string): Promise<ClientRow> {
  const [row] = await db('oauth_clients')
    .where({ client_id: clientId })
    .update({
      active: false,
      revoked_at: db.fn.now(),
      previous_secret_hash: null,
      previous_secret_until: null,
      updated_at: db.fn.now(),
    })
    .returning('*');
  return normalise(row as ClientRow);
}

/** At most once a minute per client: the list shows "last used" to the minute, cheaply. */
export async function recordClientUse(db: Db, clientId: string): Promise<void> {
  await db('oauth_clients')
    .where({ client_id: clientId })
    .andWhere((q) => q.whereNull('last_used_at').orWhereRaw(`last_used_at < now() - interval '1 minute'`))
    .update({ last_used_at: db.fn.now() });
}
