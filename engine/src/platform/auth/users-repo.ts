import type { Db } from '../../infra/db/create-knex.js';
import { hashSecret } from './password.js';
import { isRole, type Role } from './roles.js';
import { fromPgArray, toPgArray } from '../../infra/db/pg-array.js';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  roles: Role[];
  locale: 'ca' | 'es' | 'en' | null;
  active: boolean;
  demo: boolean;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
}

export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  locale: 'ca' | 'es' | 'en' | null;
  active: boolean;
}

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    roles: row.roles,
    locale: row.locale,
    active: row.active,
  };
}

export function parseRoles(value: unknown): Role[] {
  return fromPgArray(value).filter(isRole);
}

function normalise(row: UserRow | undefined): UserRow | undefined {
  return row ? { ...row, roles: parseRoles(row.roles) } : undefined;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return normalise(await db<UserRow>('users').whereRaw('lower(username) = lower(?)', [username]).first());
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return normalise(await db<UserRow>('users').where({ id }).first());
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  const rows = await db<UserRow>('users').orderBy('username');
  return rows.map((row) => toPublicUser(normalise(row)!));
}

export async function countUsers(db: Db): Promise<number> {
  const [{ count }] = (await db('users').count({ count: '*' })) as [{ count: string | number }];
  return Number(count);
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  email?: string;
  locale?: 'ca' | 'es' | 'en';
  demo?: boolean;
}

export async function createUser(db: Db, user: NewUser): Promise<PublicUser> {
  const [row] = await db<UserRow>('users')
    .insert({
      username: user.username,
      display_name: user.displayName,
      email: user.email ?? null,
      password_hash: await hashSecret(user.password),
      roles: db.raw('?::tramit_role[]', [toPgArray(user.roles)]) as unknown as Role[],
      locale: user.locale ?? null,
      demo: user.demo ?? false,
    })
    .returning('*');
  return toPublicUser(normalise(row as UserRow)!);
}

export async function recordLoginSuccess(db: Db, id: string): Promise<void> {
  await db('users')
    .where({ id })
    .update({ failed_logins: 0, locked_until: null, last_login_at: db.fn.now() });
}
