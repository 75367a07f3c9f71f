import type { Knex } from 'knex';
import { fromJsonText, isoDate, nullableKey } from './row-values.js';

export interface HistoryEntryItem {
  id: string;
  event: string;
  at: string;
  /** `user:<id>`, `client:<id>` or `engine`. */
  actor: string;
  requestId: string | null;
  elementInstanceKey: string | null;
  elementId: string | null;
  data: Record<string, unknown> | null;
}

/** One page of an instance's append-only history, oldest first, after the entry `after`. */
export async function instanceHistory(
  db: Knex,
  processInstanceKey: string,
  page: { after?: string; limit: number },
): Promise<HistoryEntryItem[]> {
  const rows = (await db('history')
    .where({ process_instance_key: processInstanceKey })
    .modify((q) => {
      if (page.after) q.where('id', '>', page.after);
    })
    .orderBy('id')
    .limit(page.limit)
    .select(
      'id',
      'event',
      'at',
      'actor',
      'request_id',
      'element_instance_key',
      'element_id',
      db.raw('data::text as data_json'),
    )) as Record<string, unknown>[];
  return rows.map((row) => ({
    id: String(row.id),
    event: row.event as string,
    at: isoDate(row.at),
    actor: row.actor as string,
    requestId: (row.request_id as string | null) ?? null,
    elementInstanceKey: nullableKey(row.element_instance_key),
    elementId: (row.element_id as string | null) ?? null,
    data: fromJsonText<Record<string, unknown> | null>(row.data_json),
  }));
}
