import type { Knex } from 'knex';

/** One caller's key for one request: the scope is the caller (`user:<id>`, `client:<id>`). */
export interface KeyedRequest {
  scope: string;
  key: string;
  /** SHA-256 of the method, path and canonical body: the same key with another body is refused. */
  requestHash: string;
}

/** What a request was answered: replayed as it was to a retry with the same key. */
export interface Answer {
  status: number;
  body: unknown;
  /** The headers worth replaying (Location, ETag, the problem content type). */
  headers: Record<string, string>;
}

interface KeyRow {
  request_hash: string;
  status: number;
  response: unknown;
  headers: Record<string, string>;
}

/** The live (unexpired) answer stored under a key, with the hash of the request it answered. */
export async function findAnswer(
  db: Knex | Knex.Transaction,
  keyed: Pick<KeyedRequest, 'scope' | 'key'>,
  now: Date,
): Promise<{ requestHash: string; answer: Answer } | undefined> {
  const row = (await db('idempotency_keys')
    .where({ scope: keyed.scope, key: keyed.key })
    .andWhere('expires_at', '>', now)
    .first('request_hash', 'status', 'response', 'headers')) as KeyRow | undefined;
  if (!row) return undefined;
  return {
    requestHash: row.request_hash,
    answer: { status: row.status, body: row.response, headers: row.headers },
  };
}

/**
 * Stores an answer under its key unless a live answer is already there (an expired one is
 * replaced); true when stored. Inside a write's transaction, a concurrent request with the same
 * key that has stored its answer but not committed makes this wait for its commit or rollback.
 */
export async function recordAnswer(
  db: Knex | Knex.Transaction,
  keyed: KeyedRequest,
  answer: Answer,
  times: { now: Date; expiresAt: Date },
): Promise<boolean> {
  const result = (await db.raw(
    `insert into idempotency_keys as k (scope, key, request_hash, status, response, headers, created_at, expires_at)
     values (?, ?, ?, ?, ?::json, ?::jsonb, ?, ?)
     on conflict (scope, key) do update
       set request_hash = excluded.request_hash, status = excluded.status, response = excluded.response,
           headers = excluded.headers, created_at = excluded.created_at, expires_at = excluded.expires_at
       where k.expires_at <= excluded.created_at
     returning k.key`,
    [
      keyed.scope,
      keyed.key,
      keyed.requestHash,
      answer.status,
      JSON.stringify(answer.body ?? null),
      JSON.stringify(answer.headers),
      times.now,
      times.expiresAt,
    ],
  )) as { rows: unknown[] };
  return result.rows.length === 1;
}

/** Deletes the answers whose time is up; how many. */
export async function deleteExpiredKeys(db: Knex, now: Date): Promise<number> {
  return db('idempotency_keys').where('expires_at', '<=', now).delete();
}
