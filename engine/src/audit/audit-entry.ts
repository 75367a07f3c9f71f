import type { AuditChange } from './append-audit.js';
import { entryHash, genesisHash, type HashedContent } from './audit-hash.js';

/** One row of `audit_log` as the drivers return it. */
export interface AuditRow {
  seq: string | number;
  at: Date | string;
  actor_kind: string;
  actor_id: string;
  channel: string;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  subject_person_id: string | null;
  changes: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditEntry {
  seq: string;
  at: string;
  actor: { kind: string; id: string };
  channel: string;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  subjectPersonId: string | null;
  changes: AuditChange[] | null;
  hash: string;
}

function changesOf(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : (value ?? null);
}

export function hashedContentOf(row: AuditRow): HashedContent {
  return {
    seq: String(row.seq),
    at: new Date(row.at).toISOString(),
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    channel: row.channel,
    requestId: row.request_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    subjectPersonId: row.subject_person_id,
    changes: changesOf(row.changes),
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  const content = hashedContentOf(row);
  return {
    seq: content.seq,
    at: content.at,
    actor: { kind: content.actorKind, id: content.actorId },
    channel: content.channel,
    requestId: content.requestId,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    subjectPersonId: content.subjectPersonId,
    changes: content.changes as AuditChange[] | null,
    hash: row.hash,
  };
}

export type BrokenReason = 'missing-entries' | 'prev-hash' | 'content';

export interface ChainLink {
  seq: bigint;
  hash: string;
}

/** Why `row` does not follow `previous` in an intact chain, or null when it does. */
export function brokenLink(previous: ChainLink | null, row: AuditRow): BrokenReason | null {
  const expectedSeq = previous ? previous.seq + 1n : 1n;
  if (BigInt(row.seq) !== expectedSeq) return 'missing-entries';
  if (row.prev_hash !== (previous?.hash ?? genesisHash)) return 'prev-hash';
  if (entryHash(row.prev_hash, hashedContentOf(row)) !== row.hash) return 'content';
  return null;
}
