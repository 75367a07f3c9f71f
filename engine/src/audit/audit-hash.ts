import { createHash } from 'node:crypto';

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

/** JSON with object keys sorted at every level and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 (hex) of the previous entry's hash and this entry's canonical content. */
export function entryHash(prevHash: string, content: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
}
