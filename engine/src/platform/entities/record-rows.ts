import type { Knex } from 'knex';
import { toPgArray } from '../../infra/db/pg-array.js';
import { deferWrites } from '../../infra/db/pipelined-pg-client.js';
import { valuesList } from '../../infra/db/sql-literal.js';
import { recordColumns } from './list-sql.js';

export interface StoredRecord {
  id: string;
  type: string;
  schemaVersion: number;
  version: number;
  data: Record<string, unknown>;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  deletedAt: string | null;
}

export interface RecordRow {
  id: string;
  type: string;
  schema_version: number;
  version: number;
  data: Record<string, unknown>;
  created_at: Date | string;
  created_by: string | null;
  updated_at: Date | string;
  updated_by: string | null;
  deleted_at: Date | string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toStoredRecord(row: RecordRow): StoredRecord {
  return {
    id: row.id,
    type: row.type,
    schemaVersion: row.schema_version,
    version: row.version,
    data: row.data,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
    deletedAt: row.deleted_at === null ? null : iso(row.deleted_at),
  };
}

export async function selectRecord(
  db: Knex | Knex.Transaction,
  type: string,
  id: string,
  lock = false,
): Promise<RecordRow | undefined> {
  const rows = await db.raw(
    `select ${recordColumns} from records where id = ? and type = ? and deleted_at is null${lock ? ' for update' : ''}`,
    [id, type],
  );
  return (rows as { rows: RecordRow[] }).rows[0];
}

/**
 * Inserts without answering rows, as literal SQL waiting on the transaction's connection (see
 * deferWrites): it goes with the transaction's next statement, and the JSON is escaped once (an
 * array parameter escaped it for the array, then again for the message it shared with BEGIN).
 */
export async function deferInsertRecords(
  trx: Knex.Transaction,
  type: string,
  schemaVersion: number,
  records: { id: string; data: Record<string, unknown> }[],
  actor: string,
): Promise<void> {
  const rows = valuesList(
    records.map((r) => [r.id, type, schemaVersion, 1, JSON.stringify(r.data), actor, actor]),
  );
  await deferWrites(
    trx,
    `insert into records (id, type, schema_version, version, data, created_by, updated_by) values ${rows}`,
  );
}

export async function insertRecords(
  trx: Knex.Transaction,
  type: string,
  schemaVersion: number,
  records: { id: string; data: Record<string, unknown> }[],
  actor: string,
): Promise<RecordRow[]> {
  const result = await trx.raw(
    `insert into records (id, type, schema_version, version, data, created_by, updated_by)
     select unnest(?::uuid[]), ?, ?, 1, unnest(?::jsonb[]), ?, ? returning ${recordColumns}`,
    [
      toPgArray(records.map((r) => r.id)),
      type,
      schemaVersion,
      toPgArray(records.map((r) => JSON.stringify(r.data))),
      actor,
      actor,
    ],
  );
  return (result as { rows: RecordRow[] }).rows;
}

export async function updateRecord(
  trx: Knex.Transaction,
  id: string,
  values: { data?: Record<string, unknown>; schemaVersion?: number; deleted?: boolean },
  actor: string,
): Promise<RecordRow> {
  const result = await trx.raw(
    `update records set version = version + 1, updated_at = now(), updated_by = ?,
       data = coalesce(?::jsonb, data), schema_version = coalesce(?::int, schema_version),
       deleted_at = case when ?::boolean then now() else deleted_at end
     where id = ? returning ${recordColumns}`,
    [
      actor,
      values.data ? JSON.stringify(values.data) : null,
      values.schemaVersion ?? null,
      values.deleted ?? false,
      id,
    ],
  );
  return (result as { rows: RecordRow[] }).rows[0]!;
}

/** The ids among `ids` that are live records of `type`. */
export async function existingIds(
  db: Knex | Knex.Transaction,
  type: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await db.raw(
    'select id from records where id = any(?::uuid[]) and type = ? and deleted_at is null',
    [toPgArray(ids), type],
  );
  return new Set((result as { rows: { id: string }[] }).rows.map((r) => r.id));
}
