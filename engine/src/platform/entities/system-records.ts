import type { Knex } from 'knex';
import { isSubjectType } from './audit-subject.js';
import type { EntityTypeRegistry } from './entity-type-registry.js';
import type { PublishedType } from './published-type.js';
import { uuidPattern } from './record-problems.js';
import { toStoredRecord, type RecordRow, type StoredRecord } from './record-rows.js';
import { recordColumns } from './list-sql.js';

/** A condition on a top-level field of the data, compared as text (`data->>field`). */
export type FieldCondition =
  | { field: string; equals: string }
  /** The field is absent or not one of the values (an absent field counts as `otherwise`). */
  | { field: string; notIn: readonly string[]; otherwise?: string };

export interface SystemScan {
  where?: readonly FieldCondition[];
  /** Oldest change first. */
  limit: number;
}

/** Where to read: pass the transaction of a write that is not committed yet. */
export interface ReadIn {
  db?: Knex;
}

/** Field names are checked, then written into the SQL (so expression indexes on `data->>'f'` apply). */
const fieldName = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/;

function conditionSql(conditions: readonly FieldCondition[]): { sql: string; bindings: unknown[] } {
  const parts: string[] = [];
  const bindings: unknown[] = [];
  for (const c of conditions) {
    if (!fieldName.test(c.field)) throw new Error(`"${c.field}" is not a field name`);
    if ('equals' in c) {
      parts.push(`data->>'${c.field}' = ?`);
      bindings.push(c.equals);
    } else {
      parts.push(`coalesce(data->>'${c.field}', ?) <> all(?)`);
      bindings.push(c.otherwise ?? '', [...c.notIn]);
    }
  }
  return { sql: parts.map((p) => ` and ${p}`).join(''), bindings };
}

/**
 * Reads of records by platform code on the engine's behalf (rule facts, alerts, periodic sweeps):
 * no caller, so no field-level read rules, but every record of an x-pii type read is audited
 * (action `read`, through the write-behind read audit) like a read through the API.
 */
export class SystemRecords {
  constructor(
    private readonly db: Knex,
    private readonly types: EntityTypeRegistry,
    private readonly auditReads: (type: PublishedType, ids: string[]) => Promise<void>,
  ) {}

  /** A live record of the type (of any type when `type` is undefined), or undefined. */
  async get(type: string | undefined, id: unknown, options: ReadIn = {}): Promise<StoredRecord | undefined> {
    if (typeof id !== 'string' || !uuidPattern.test(id)) return undefined;
    const db = options.db ?? this.db;
    const { rows } = (await db.raw(
      `select ${recordColumns} from records where id = ? and deleted_at is null${type ? ' and type = ?' : ''}`,
      type ? [id, type] : [id],
    )) as { rows: RecordRow[] };
    const row = rows[0];
    if (!row) return undefined;
    await this.audited(row.type, [row.id]);
    return toStoredRecord(row);
  }

  /** Live records of a type matching every condition, least recently changed first. */
  async scan(type: string, query: SystemScan, options: ReadIn = {}): Promise<StoredRecord[]> {
    const where = conditionSql(query.where ?? []);
    const { rows } = (await (options.db ?? this.db).raw(
      `select ${recordColumns} from records where type = ? and deleted_at is null${where.sql}
        order by updated_at, id limit ?`,
      [type, ...where.bindings, Math.max(0, Math.trunc(query.limit))] as Knex.RawBinding[],
    )) as { rows: RecordRow[] };
    await this.audited(
      type,
      rows.map((r) => r.id),
    );
    return rows.map(toStoredRecord);
  }

  /** How many live records of a type match every condition (no data is read, nothing is audited). */
  async count(type: string, where: readonly FieldCondition[], options: ReadIn = {}): Promise<number> {
    const conditions = conditionSql(where);
    const { rows } = (await (options.db ?? this.db).raw(
      `select count(*)::int as n from records where type = ? and deleted_at is null${conditions.sql}`,
      [type, ...conditions.bindings] as Knex.RawBinding[],
    )) as { rows: { n: number }[] };
    return Number(rows[0]?.n ?? 0);
  }

  /** When a record (live or deleted) last changed, without reading its data. */
  async updatedAt(id: unknown, options: ReadIn = {}): Promise<Date | undefined> {
    if (typeof id !== 'string' || !uuidPattern.test(id)) return undefined;
    const { rows } = (await (options.db ?? this.db).raw(`select updated_at from records where id = ?`, [
      id,
    ])) as { rows: { updated_at: Date | string }[] };
    return rows[0] ? new Date(rows[0].updated_at) : undefined;
  }

  /** Whether a live record of the type exists and the type is an audit subject (`x-subject: "self"`). */
  async isSubject(type: string, id: unknown): Promise<boolean> {
    if (typeof id !== 'string' || !uuidPattern.test(id)) return false;
    if (!isSubjectType(await this.types.published(type))) return false;
    const { rows } = (await this.db.raw(
      `select 1 from records where id = ? and type = ? and deleted_at is null`,
      [id, type],
    )) as { rows: unknown[] };
    return rows.length > 0;
  }

  private async audited(type: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const published = await this.types.published(type);
    if (published) await this.auditReads(published, ids);
  }
}
