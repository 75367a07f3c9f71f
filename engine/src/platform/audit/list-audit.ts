import type { Knex } from 'knex';
import { badRequest } from '../../infra/errors/app-error.js';
import { toAuditEntry, type AuditEntry, type AuditRow } from './audit-entry.js';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  subjectPersonId?: string;
  /** Entries about this subject (e.g. a person): on its record itself or on records whose subject it is. */
  subject?: { type: string; id: string };
  actorKind?: string;
  actorId?: string;
  action?: string;
  channel?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export const maxAuditPage = 500;

export function encodeAuditCursor(seq: string): string {
  return Buffer.from(`seq:${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): string {
  const match = /^seq:([1-9][0-9]{0,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw badRequest('The cursor is not one this API returned.', [
      { path: 'cursor', message: 'invalid cursor' },
    ]);
  return match[1]!;
}

/** Entries matching the query, newest first, one page at a time. */
export async function listAudit(db: Knex, query: AuditQuery): Promise<AuditPage> {
  const limit = Math.min(Math.max(1, Math.trunc(query.limit)), maxAuditPage);
  const q = db('audit_log')
    .orderBy('seq', 'desc')
    .limit(limit + 1);
  const equals: [keyof AuditQuery, string][] = [
    ['entityType', 'entity_type'],
    ['entityId', 'entity_id'],
    ['subjectPersonId', 'subject_person_id'],
    ['actorKind', 'actor_kind'],
    ['actorId', 'actor_id'],
    ['action', 'action'],
    ['channel', 'channel'],
  ];
  for (const [key, column] of equals) if (query[key] !== undefined) q.where(column, query[key]);
  if (query.subject !== undefined) {
    const { type, id } = query.subject;
    q.where((w) =>
      w.where('subject_person_id', id).orWhere((p) => p.where({ entity_type: type, entity_id: id })),
    );
  }
  if (query.from !== undefined) q.where('at', '>=', query.from);
  if (query.to !== undefined) q.where('at', '<', query.to);
  if (query.cursor !== undefined) q.where('seq', '<', decodeCursor(query.cursor));
  const rows = (await q) as AuditRow[];
  const items = rows.slice(0, limit).map(toAuditEntry);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeAuditCursor(last.seq) : null };
}
