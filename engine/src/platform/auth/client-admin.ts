import { randomBytes } from 'node:crypto';
import type { Db } from '../../infra/db/create-knex.js';
import { badRequest, conflict, notFound } from '../../infra/errors/app-error.js';
import { appendAudit, type AuditChange } from '../audit/append-audit.js';
import type { ClientStatusCache } from './client-status-cache.js';
import {
  createClient,
  findClient,
  revokeClient,
  rotateClientSecret,
  toPublicClient,
  updateClient,
  type ClientRow,
  type PublicClient,
} from './clients-repo.js';
import { randomToken } from './password.js';
import type { Role } from './roles.js';
import { scopesOfRoles, type Scope } from './scopes.js';

/** A client with its secret, answered once: at creation and at each rotation. */
export type ClientWithSecret = PublicClient & { clientSecret: string };

export interface NewClient {
  clientId?: string;
  name: string;
  roles: Role[];
  scopes?: Scope[];
}

export interface ClientChange {
  name?: string;
  roles?: Role[];
  scopes?: Scope[] | null;
}

const entityType = 'oauth-client';

/** Every scope must be one the roles can use; a scope they cannot would be a token that does nothing. */
function checkScopesFitRoles(roles: readonly Role[], scopes: readonly Scope[] | null | undefined): void {
  if (!scopes) return;
  const usable = scopesOfRoles(roles);
  const errors = scopes
    .map((scope, i) => ({ scope, i }))
    .filter(({ scope }) => !usable.includes(scope))
    .map(({ scope, i }) => ({
      path: `/scopes/${i}`,
      message: `"${scope}" needs permissions that the roles ${roles.join(', ')} do not grant`,
    }));
  if (errors.length > 0) throw badRequest('Some scopes are not granted by the client’s roles.', errors);
}

/** A readable id from the name, made unique with random characters. */
function clientIdFor(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'client'}-${randomBytes(3).toString('hex')}`;
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]));

/** Creating, changing, rotating and revoking OAuth clients, each in one audited transaction. */
export class ClientAdmin {
  constructor(
    private readonly db: Db,
    private readonly status: ClientStatusCache,
  ) {}

  async create(input: NewClient): Promise<ClientWithSecret> {
    checkScopesFitRoles(input.roles, input.scopes);
    const clientId = input.clientId ?? clientIdFor(input.name);
    const clientSecret = randomToken(32);
    const row = await this.db.transaction(async (trx) => {
      if (await findClient(trx, clientId)) {
        throw conflict(`An OAuth client "${clientId}" already exists (field clientId).`);
      }
      const created = await createClient(trx, { ...input, clientId, secret: clientSecret });
      await appendAudit(trx, [
        {
          action: 'create',
          entityType,
          entityId: clientId,
          changes: [
            { path: '/name', new: created.name },
            { path: '/roles', new: created.roles },
            { path: '/scopes', new: created.scopes },
          ],
        },
      ]);
      return created;
    });
    this.status.forget(clientId);
    return { ...toPublicClient(row), clientSecret };
  }

  async update(clientId: string, change: ClientChange): Promise<PublicClient> {
    const row = await this.db.transaction(async (trx) => {
      const current = await this.activeClient(trx, clientId);
      const roles = change.roles ?? current.roles;
      checkScopesFitRoles(roles, change.scopes === undefined ? current.scopes : change.scopes);
      const updated = await updateClient(trx, clientId, change);
      const changes: AuditChange[] = [];
      if (updated.name !== current.name)
        changes.push({ path: '/name', old: current.name, new: updated.name });
      if (!sameList(updated.roles, current.roles)) {
        changes.push({ path: '/roles', old: current.roles, new: updated.roles });
      }
      if (!sameList(updated.scopes, current.scopes)) {
        changes.push({ path: '/scopes', old: current.scopes, new: updated.scopes });
      }
      if (changes.length > 0)
        await appendAudit(trx, [{ action: 'update', entityType, entityId: clientId, changes }]);
      return updated;
    });
    this.status.forget(clientId);
    return toPublicClient(row);
  }

  async rotateSecret(clientId: string, graceSeconds: number): Promise<ClientWithSecret> {
    const clientSecret = randomToken(32);
    const row = await this.db.transaction(async (trx) => {
      const current = await this.activeClient(trx, clientId);
      const rotated = await rotateClientSecret(trx, current, clientSecret, graceSeconds);
      await appendAudit(trx, [
        {
          action: 'rotate-secret',
          entityType,
          entityId: clientId,
          changes: [
            { path: '/secretGeneration', old: current.secret_generation, new: rotated.secret_generation },
            { path: '/graceSeconds', new: graceSeconds },
          ],
        },
      ]);
      return rotated;
    });
    this.status.forget(clientId);
    return { ...toPublicClient(row), clientSecret };
  }

  /** Revoking a revoked client changes nothing and writes no entry. */
  async revoke(clientId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const current = await findClient(trx, clientId, true);
      if (!current) throw notFound(`There is no OAuth client "${clientId}".`);
      if (!current.active) return;
      await revokeClient(trx, clientId);
      await appendAudit(trx, [
        {
          action: 'revoke',
          entityType,
          entityId: clientId,
          changes: [{ path: '/status', old: 'active', new: 'revoked' }],
        },
      ]);
    });
    this.status.forget(clientId);
  }

  private async activeClient(trx: Db, clientId: string): Promise<ClientRow> {
    const current = await findClient(trx, clientId, true);
    if (!current) throw notFound(`There is no OAuth client "${clientId}".`);
    if (!current.active) throw conflict(`The OAuth client "${clientId}" is revoked; create a new one.`);
    return current;
  }
}
