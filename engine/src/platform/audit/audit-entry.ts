import {
  canonicalJson,
  entryHash,
  genesisHash,
  type EntryContent,
  type HashedContent,
} from './audit-hash.js';
import type { AuditKey, AuditKeyring } from './audit-keys.js';
import type { WitnessBreak } from './audit-witness.js';

/** One field's change in an audit entry (declared here, below append-audit, which re-exports it). */
export interface AuditChange {
  path: string;
  old?: unknown;
  new?: unknown;
}

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
  /** The audit key that signed the entry (HMAC); null for the plain SHA-256 entries before the keys. */
  key_id: string | null;
}

/** An entry as the API serves it. */
export type AuditEntry = Omit<HashedContent, 'actorKind' | 'actorId' | 'changes'> & {
  actor: { kind: string; id: string };
  changes: AuditChange[] | null;
  hash: string;
};

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
  const { actorKind, actorId, changes, ...rest } = hashedContentOf(row);
  return {
    ...rest,
    actor: { kind: actorKind, id: actorId },
    changes: changes as AuditChange[] | null,
    hash: row.hash,
  };
}

/** How the chain breaks: at an entry, or against a witness of its head (`truncated`, `checkpoint`). */
export type BrokenReason =
  'missing-entries' | 'prev-hash' | 'content' | 'unknown-key' | 'unkeyed' | WitnessBreak;

export interface ChainLink {
  seq: bigint;
  hash: string;
  /** Whether the entry was signed with an audit key: no plain entry may follow a keyed one. */
  keyed: boolean;
}

/**
 * Why `row` does not follow `previous` in an intact chain, or null when it does. A keyed entry is
 * checked with the key its `key_id` names; a plain one (written before the keys) as SHA-256, and
 * only before the first keyed entry: a plain entry after it is a rewrite by someone without the key.
 */
export function brokenLink(
  previous: ChainLink | null,
  row: AuditRow,
  keyring: AuditKeyring,
): BrokenReason | null {
  const expectedSeq = previous ? previous.seq + 1n : 1n;
  if (BigInt(row.seq) !== expectedSeq) return 'missing-entries';
  if (row.prev_hash !== (previous?.hash ?? genesisHash)) return 'prev-hash';
  let key = null;
  if (row.key_id !== null) {
    key = keyring.byKid.get(row.key_id);
    if (!key) return 'unknown-key';
  } else if (previous?.keyed) return 'unkeyed';
  if (entryHash(row.prev_hash, hashedContentOf(row), undefined, key) !== row.hash) return 'content';
  return null;
}

export type AuditRowInsert = Omit<AuditRow, 'seq' | 'at' | 'changes'> & {
  seq: string;
  at: string;
  changes: string | null;
};

/**
 * The rows that extend the chain from its head (`seq`/`hash` null when it is empty), all stamped
 * `at`, signed with `signing` (null only to write plain SHA-256 entries as before the keys, in tests).
 */
export function chainRows(
  head: { seq: string | null; hash: string | null; at: string },
  contents: EntryContent[],
  signing: AuditKey | null,
): AuditRowInsert[] {
  let prevHash = head.hash ?? genesisHash;
  let next = BigInt(head.seq ?? '0');
  return contents.map((content) => {
    next += 1n;
    const hashed: HashedContent = { seq: next.toString(), at: head.at, ...content };
    // Canonical JSON is JSON: the row stores the same text the hash covers, written once.
    const changes = canonicalJson(content.changes);
    const hash = entryHash(prevHash, hashed, changes, signing?.key);
    const row: AuditRowInsert = {
      seq: hashed.seq,
      at: head.at,
      actor_kind: content.actorKind,
      actor_id: content.actorId,
      channel: content.channel,
      request_id: content.requestId,
      action: content.action,
      entity_type: content.entityType,
      entity_id: content.entityId,
      subject_person_id: content.subjectPersonId,
      changes: content.changes === null ? null : changes,
      prev_hash: prevHash,
      hash,
      key_id: signing?.kid ?? null,
    };
    prevHash = hash;
    return row;
  });
}
