import { createHash, createHmac, type KeyObject } from 'node:crypto';

/** The prev_hash of the first entry. */
export const genesisHash = '0'.repeat(64);

/** An entry's content before it is chained: everything but its place (seq, time) and hashes. */
export interface EntryContent {
  actorKind: string;
  actorId: string;
  channel: string;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  subjectPersonId: string | null;
  changes: unknown;
}

/** What an entry's hash covers: everything but the hash itself. */
export interface HashedContent extends EntryContent {
  seq: string;
  at: string;
}

/**
 * JSON with object keys sorted at every level and no whitespace: one text per value. It reads a value
 * as JSON.stringify does (toJSON, undefined and functions dropped from objects, null in arrays), so a
 * value and its JSON round trip through jsonb give the same text.
 */
export function canonicalJson(value: unknown): string {
  // Primitives first: most leaves are strings and numbers, and asking a primitive for toJSON boxes it.
  if (value === null) return 'null';
  const kind = typeof value;
  if (kind === 'string' || kind === 'number' || kind === 'boolean') return JSON.stringify(value);
  if (kind !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  let out = '{';
  for (const key of Object.keys(object).sort()) {
    const item = object[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/**
 * canonicalJson(content), written field by field in its sorted key order, with the changes' text
 * given when the caller has it already (it is also what the row stores). A test holds it to
 * canonicalJson.
 */
export function contentText(content: HashedContent, changes = canonicalJson(content.changes)): string {
  return (
    `{"action":${text(content.action)},"actorId":${text(content.actorId)},"actorKind":${text(content.actorKind)}` +
    `,"at":${text(content.at)},"changes":${changes},"channel":${text(content.channel)}` +
    `,"entityId":${text(content.entityId)},"entityType":${text(content.entityType)}` +
    `,"requestId":${text(content.requestId)},"seq":${text(content.seq)}` +
    `,"subjectPersonId":${text(content.subjectPersonId)}}`
  );
}

/**
 * The entry's hash (hex) over the previous entry's hash and this entry's canonical content: an
 * HMAC-SHA256 with `key` (entries since the audit keys; a database superuser cannot recompute it),
 * or a plain SHA-256 without (entries written before them, `key_id` null).
 */
export function entryHash(
  prevHash: string,
  content: HashedContent,
  changes?: string,
  key?: KeyObject | null,
): string {
  return (key ? createHmac('sha256', key) : createHash('sha256'))
    .update(prevHash)
    .update('\n')
    .update(contentText(content, changes))
    .digest('hex');
}
