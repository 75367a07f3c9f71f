import type { Knex } from 'knex';
import { currentContext, type RequestContext } from '../logging/request-context.js';
import { entryHash, genesisHash, type HashedContent } from './audit-hash.js';

export type AuditChannel = 'ui' | 'api' | 'integration' | 'engine';
export interface AuditChange {
  path: string;
  old?: unknown;
  new?: unknown;
}
export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId: string;
  subjectPersonId?: string;
  changes?: AuditChange[];
  actor?: { kind: 'user' | 'client' | 'engine'; id: string };
  channel?: AuditChannel;
  requestId?: string;
}

/** The chain's lock: every appender takes it, so entries are chained one transaction at a time. */
export const auditLockKey = 0x7a_0d_17;
const rowsPerInsert = 1_000;

export function channelOf(context: RequestContext | undefined): AuditChannel {
  if (!context) return 'engine';
  if (!context.actor) return 'api';
  return context.actor.kind === 'client' ? 'integration' : context.actor.kind === 'user' ? 'ui' : 'engine';
}

function contentOf(input: AuditEntryInput, context: RequestContext | undefined) {
  const actor = input.actor ?? context?.actor ?? { kind: 'engine' as const, id: 'engine' };
  return {
    actorKind: actor.kind,
    actorId: actor.id,
    channel: input.channel ?? channelOf(context),
    requestId: input.requestId ?? context?.requestId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    subjectPersonId: input.subjectPersonId ?? null,
    changes: input.changes === undefined ? null : (JSON.parse(JSON.stringify(input.changes)) as unknown),
  };
}

/**
 * Appends hash-chained entries inside the caller's transaction. The chain lock is held until that
 * transaction ends, so call this as the last step of a write. The caller's transaction must be
 * READ COMMITTED (PostgreSQL's default), so that the last entry is read after the lock is taken.
 */
export async function appendAudit(db: Knex | Knex.Transaction, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  if (!db.isTransaction) {
    await db.transaction((trx) => appendAudit(trx, entries));
    return;
  }
  const context = currentContext();
  const contents = entries.map((entry) => contentOf(entry, context));
  await db.raw('select pg_advisory_xact_lock(?)', [auditLockKey]);
  const head = (await db.raw(
    `select last.seq::text as seq, last.hash,
            to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now,
            current_setting('transaction_isolation') as isolation
       from (select 1) as one
       left join lateral (select seq, hash from audit_log order by seq desc limit 1) as last on true`,
  )) as { rows: { seq: string | null; hash: string | null; now: string; isolation: string }[] };
  const { seq, hash, now, isolation } = head.rows[0]!;
  if (isolation !== 'read committed') {
    throw new Error(`appendAudit needs a READ COMMITTED transaction, not ${isolation}`);
  }
  let prevHash = hash ?? genesisHash;
  let next = BigInt(seq ?? '0');
  const rows = contents.map((content) => {
    next += 1n;
    const hashed: HashedContent = { seq: next.toString(), at: now, ...content };
    const row = {
      seq: hashed.seq,
      at: now,
      actor_kind: content.actorKind,
      actor_id: content.actorId,
      channel: content.channel,
      request_id: content.requestId,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      subject_person_id: content.subjectPersonId,
      changes: content.changes === null ? null : JSON.stringify(content.changes),
      prev_hash: prevHash,
      hash: entryHash(prevHash, hashed),
    };
    prevHash = row.hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    await db('audit_log').insert(rows.slice(i, i + rowsPerInsert));
  }
}
