import type { Knex } from 'knex';
import type { Role } from '../auth/roles.js';
import type { EntityTypeDocument } from './entity-type.js';
import { fieldAccess } from './field-security.js';
import { maskValue } from './masking.js';

export interface HistoryEntry {
  seq: string;
  at: string;
  action: string;
  actor: { kind: string; id: string };
  channel: string;
  requestId: string | null;
  changes: { path: string; old?: unknown; new?: unknown }[];
}

const maxEntries = 500;

function visibleChange(
  doc: EntityTypeDocument,
  change: { path: string; old?: unknown; new?: unknown },
  roles: readonly Role[],
) {
  const field = change.path.split('/')[1] ?? '';
  const schema = doc.properties[field];
  const access = fieldAccess(schema, roles);
  if (access === 'clear') return change;
  if (access === 'hidden') return undefined;
  const spec = schema!['x-mask']!;
  const masked = (value: unknown) =>
    typeof value === 'string' && value.includes('•') ? value : maskValue(value, spec);
  return {
    path: change.path,
    ...('old' in change ? { old: masked(change.old) } : {}),
    ...('new' in change ? { new: masked(change.new) } : {}),
  };
}

/** The record's changes from the audit log, oldest first, with field-level security applied. */
export async function recordHistory(
  db: Knex,
  type: string,
  id: string,
  doc: EntityTypeDocument,
  roles: readonly Role[],
): Promise<HistoryEntry[]> {
  const rows = await db('audit_log')
    .where({ entity_type: type, entity_id: id })
    .whereNot('action', 'read')
    .orderBy('seq')
    .limit(maxEntries)
    .select('seq', 'at', 'action', 'actor_kind', 'actor_id', 'channel', 'request_id', 'changes');
  return rows.map((row) => ({
    seq: String(row.seq),
    at: new Date(row.at).toISOString(),
    action: row.action,
    actor: { kind: row.actor_kind, id: row.actor_id },
    channel: row.channel,
    requestId: row.request_id,
    changes: ((row.changes ?? []) as HistoryEntry['changes'])
      .map((change) => visibleChange(doc, change, roles))
      .filter((change): change is HistoryEntry['changes'][number] => change !== undefined),
  }));
}
