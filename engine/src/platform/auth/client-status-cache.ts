import type { Db } from '../../infra/db/create-knex.js';
import { findClient } from './clients-repo.js';
import type { Role } from './roles.js';
import type { Scope } from './scopes.js';

/** What a bearer token's client may do now; undefined when the client no longer exists. */
export interface ClientStatus {
  active: boolean;
  roles: Role[];
  scopes: Scope[] | null;
  minTokenGeneration: number;
}

interface Entry {
  status: Promise<ClientStatus | undefined>;
  until: number;
}

const maxEntries = 10_000;

/**
 * Client status by client id, kept `ttlMs` (0: read on every request). Access tokens are JWTs, so
 * without this a revoked client's tokens would work until they expire; with it a revocation, a
 * rotation or a change of roles or scopes takes effect at once in this process (which forgets the
 * entry) and within `ttlMs` in the other processes sharing the database, at the cost of one primary
 * key read per client per `ttlMs`.
 */
export class ClientStatusCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    readonly ttlMs: number,
  ) {}

  get(clientId: string): Promise<ClientStatus | undefined> {
    const now = Date.now();
    const known = this.entries.get(clientId);
    if (known && now < known.until) return known.status;
    const status = this.load(clientId);
    if (this.ttlMs > 0) {
      if (this.entries.size >= maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(clientId, { status, until: now + this.ttlMs });
      status.catch(() => this.entries.delete(clientId));
    }
    return status;
  }

  forget(clientId: string): void {
    this.entries.delete(clientId);
  }

  private async load(clientId: string): Promise<ClientStatus | undefined> {
    const row = await findClient(this.db, clientId);
    if (!row) return undefined;
    return {
      active: row.active,
      roles: row.roles,
      scopes: row.scopes,
      minTokenGeneration: row.min_token_generation,
    };
  }
}
