import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { appendAudit, type AuditEntryInput } from '../audit/append-audit.js';
import { ReadAuditQueue } from '../audit/read-audit-queue.js';
import type { BeforeCommit } from '../../infra/db/before-commit.js';
import { transactionScript } from '../../infra/db/pipelined-pg-client.js';
import { render, type SqlValue } from '../../infra/db/sql-literal.js';
import type { Role } from '../auth/roles.js';
import { currentContext } from '../../infra/logging/request-context.js';
import { EntityTypeRegistry } from './entity-type-registry.js';
import { assertWritable, readableData } from './field-security.js';
import { fuzzyThreshold } from './fuzzy-query.js';
import { parseListQuery, type ListQuery } from './list-query.js';
import { compileCount, compileList, encodeCursor } from './list-sql.js';
import { applyMergePatch, fieldChanges } from './merge-patch.js';
import { subjectPersonOf, type PublishedType } from './published-type.js';
import { checkReferences, referenceErrors } from './record-references.js';
import { assertObject, invalidRecord, recordNotFound, staleVersion, uuidPattern } from './record-problems.js';
import {
  deferInsertRecords,
  insertRecords,
  selectRecord,
  toStoredRecord,
  updateRecord,
  type RecordRow,
  type StoredRecord,
} from './record-rows.js';
import { RecordEvents, type RecordChange } from './record-events.js';
import type { Language } from './validation-messages.js';

export interface AccessOptions {
  /** The caller's roles: field-level write rules apply when given (in-process calls pass none). */
  roles?: readonly Role[];
  language?: Language;
}

export interface CreateOptions extends AccessOptions {
  /** More work in the create's transaction, given the new record (an idempotent answer). */
  beforeCommit?: BeforeCommit<StoredRecord>;
}

export interface PatchOptions extends AccessOptions {
  ifMatch?: number;
}

export interface RecordPage {
  items: StoredRecord[];
  nextCursor: string | null;
}

const actorId = () => currentContext()?.actor?.id ?? 'engine';
const allRoles: readonly Role[] = ['admin', 'supervisor', 'agent', 'manager', 'integration'];
const maxBulkErrors = 100;

function isListQuery(query: ListQuery | Record<string, unknown>): query is ListQuery {
  return Array.isArray(query.filters) && Array.isArray(query.sort) && typeof query.limit === 'number';
}

/** Records of every published entity type: validated, audited, with change events in the transaction. */
export class EntityStore {
  readonly events = new RecordEvents();
  readonly types: EntityTypeRegistry;
  /** Where reads of x-pii records are audited (write-behind; see ReadAuditQueue). */
  readonly readAudit: ReadAuditQueue;

  constructor(
    private readonly db: Knex,
    options: { readAudit?: ReadAuditQueue } = {},
  ) {
    this.types = new EntityTypeRegistry(db);
    this.readAudit = options.readAudit ?? new ReadAuditQueue(db);
  }

  async get(type: string, id: string): Promise<StoredRecord | undefined> {
    await this.types.require(type);
    if (!uuidPattern.test(id)) return undefined;
    const row = await selectRecord(this.db, type, id);
    return row ? toStoredRecord(row) : undefined;
  }

  async create(type: string, data: unknown, options: CreateOptions = {}): Promise<StoredRecord> {
    const published = await this.types.require(type);
    assertObject(type, data);
    if (options.roles) assertWritable(published.doc, Object.keys(data), options.roles);
    const checked = published.validator.check(data, options.language ?? 'en');
    if (!checked.ok) throw invalidRecord(type, checked.errors);
    await checkReferences(this.db, type, published.doc, checked.data, options.language ?? 'en');
    return this.write(async (trx, changes) => {
      const [row] = await insertRecords(
        trx,
        type,
        published.version,
        [{ id: randomUUID(), data: checked.data }],
        actorId(),
      );
      await this.afterWrite(trx, changes, published, 'create', null, row!);
      const record = toStoredRecord(row!);
      await options.beforeCommit?.(trx, record);
      return record;
    });
  }

  async patch(
    type: string,
    id: string,
    mergePatch: unknown,
    options: PatchOptions = {},
  ): Promise<StoredRecord> {
    const published = await this.types.require(type);
    assertObject(type, mergePatch);
    if (options.roles) assertWritable(published.doc, Object.keys(mergePatch), options.roles);
    if (!uuidPattern.test(id)) throw recordNotFound(type, id);
    return this.write(async (trx, changes) => {
      const before = await selectRecord(trx, type, id, true);
      if (!before) throw recordNotFound(type, id);
      if (options.ifMatch !== undefined && options.ifMatch !== before.version) {
        const record = {
          ...toStoredRecord(before),
          data: readableData(published.doc, before.data, options.roles ?? allRoles),
        };
        throw staleVersion(type, { version: before.version, record });
      }
      const merged = applyMergePatch(before.data, mergePatch);
      const checked = published.validator.check(merged, options.language ?? 'en');
      if (!checked.ok) throw invalidRecord(type, checked.errors);
      await checkReferences(trx, type, published.doc, checked.data, options.language ?? 'en');
      if (
        JSON.stringify(checked.data) === JSON.stringify(before.data) &&
        before.schema_version === published.version
      ) {
        return toStoredRecord(before);
      }
      const after = await updateRecord(
        trx,
        id,
        { data: checked.data, schemaVersion: published.version },
        actorId(),
      );
      await this.afterWrite(trx, changes, published, 'update', before, after);
      return toStoredRecord(after);
    });
  }

  /** Soft delete: the record leaves lists and lookups, its row and history stay. */
  async delete(type: string, id: string, options: PatchOptions = {}): Promise<StoredRecord> {
    const published = await this.types.require(type);
    if (!uuidPattern.test(id)) throw recordNotFound(type, id);
    return this.write(async (trx, changes) => {
      const before = await selectRecord(trx, type, id, true);
      if (!before) throw recordNotFound(type, id);
      if (options.ifMatch !== undefined && options.ifMatch !== before.version) {
        throw staleVersion(type, {
          version: before.version,
          record: {
            ...toStoredRecord(before),
            data: readableData(published.doc, before.data, options.roles ?? allRoles),
          },
        });
      }
      const after = await updateRecord(trx, id, { deleted: true }, actorId());
      await this.afterWrite(trx, changes, published, 'delete', before, after);
      return toStoredRecord(after);
    });
  }

  async list(
    type: string,
    query: ListQuery | Record<string, unknown>,
    options: AccessOptions = {},
  ): Promise<RecordPage> {
    const published = await this.types.require(type);
    const parsed = isListQuery(query) ? query : parseListQuery(query);
    const compiled = compileList(type, published.doc, parsed, options.roles ?? allRoles);
    const fuzzy = parsed.filters.some((f) => f.op === 'fuzzy');
    const run = async (db: Knex | Knex.Transaction) =>
      (
        (await db.raw(compiled.sql, compiled.bindings as Knex.RawBinding[])) as {
          rows: (RecordRow & Record<string, string | null>)[];
        }
      ).rows;
    const rows = fuzzy
      ? await this.ranked(compiled.sql, compiled.bindings, fuzzyThreshold(parsed))
      : await run(this.db);
    const page = rows.slice(0, parsed.limit);
    const last = page[page.length - 1];
    const nextCursor =
      compiled.paged && rows.length > parsed.limit && last
        ? encodeCursor(
            compiled.fingerprint,
            Array.from({ length: compiled.sortKeys }, (_, i) => last[`s${i}`] ?? null),
          )
        : null;
    return { items: page.map(toStoredRecord), nextCursor };
  }

  /**
   * A fuzzy search: its threshold, serial execution (a parallel plan's workers cost more than they
   * save on a few hundred candidates, and take the other cores from concurrent requests) and the
   * query, in one message.
   */
  private async ranked(
    sql: string,
    bindings: unknown[],
    threshold: number,
  ): Promise<(RecordRow & Record<string, string | null>)[]> {
    const [, , result] = await transactionScript(
      this.db,
      [
        `select set_config('pg_trgm.word_similarity_threshold', '${threshold}', true)`,
        `select set_config('max_parallel_workers_per_gather', '0', true)`,
        // The compiled list has no `?` but its placeholders (names are checked, values bound).
        render(sql, bindings as SqlValue[]),
      ],
      { durable: true },
    );
    return result!.rows as (RecordRow & Record<string, string | null>)[];
  }

  /** How many live records match the query's filters, counting no further than `cap`. */
  async count(type: string, query: ListQuery, options: AccessOptions, cap: number): Promise<number> {
    const published = await this.types.require(type);
    const compiled = compileCount(type, published.doc, query, options.roles ?? allRoles, cap);
    const result = (await this.db.raw(compiled.sql, compiled.bindings as Knex.RawBinding[])) as {
      rows: { n: number }[];
    };
    return Number(result.rows[0]!.n);
  }

  /**
   * The bulk path: validates every record and its references (one query per relation field),
   * then inserts `batchSize` rows per statement and audits them, all in one transaction. Any
   * invalid record refuses the whole call (422, paths /<index>/…).
   */
  async bulkCreate(
    type: string,
    data: unknown[],
    options: { batchSize?: number } = {},
  ): Promise<{ ids: string[] }> {
    const published = await this.types.require(type);
    const batchSize = Math.min(Math.max(options.batchSize ?? 1_000, 1), 10_000);
    const records: { id: string; data: Record<string, unknown> }[] = [];
    const errors: { path: string; message: string }[] = [];
    for (const [index, item] of data.entries()) {
      const checked = published.validator.check(item, 'en');
      if (checked.ok) records.push({ id: randomUUID(), data: checked.data });
      else if (errors.length < maxBulkErrors)
        errors.push(
          ...checked.errors.map((e) => ({
            path: `/${index}${e.path === '/' ? '' : e.path}`,
            message: e.message,
          })),
        );
    }
    if (errors.length > 0) throw invalidRecord(type, errors.slice(0, maxBulkErrors));
    const references = await referenceErrors(
      this.db,
      published.doc,
      records.map((r) => r.data),
      'en',
      (index, path) => `/${index}${path}`,
    );
    if (references.length > 0) throw invalidRecord(type, references.slice(0, maxBulkErrors));
    const actor = actorId();
    await this.write(async (trx, changes) => {
      for (let i = 0; i < records.length; i += batchSize) {
        const batch = records.slice(i, i + batchSize);
        await deferInsertRecords(trx, type, published.version, batch, actor);
        for (const record of batch) {
          const change: RecordChange = {
            entityType: type,
            id: record.id,
            action: 'create',
            before: null,
            after: record.data,
          };
          await this.events.emit(change, trx);
          changes.push(change);
        }
      }
      // Audited last: the chain's lock is held from here to the commit, so concurrent bulk loads
      // insert their records side by side and queue only for the audit.
      await appendAudit(
        trx,
        records.map((record) => this.auditEntry(published, 'create', record.id, null, record.data)),
      );
    });
    return { ids: records.map((r) => r.id) };
  }

  /**
   * Audits reads of records of an x-pii type (one entry per record), through the write-behind
   * queue: the entries are committed in a batch within milliseconds, without waiting for the disk
   * flush. A crash may lose the last fraction of a second of read entries, never a change.
   */
  async auditReads(type: PublishedType, ids: string[], action = 'read'): Promise<void> {
    if (!type.doc['x-pii'] || ids.length === 0) return;
    await this.readAudit.add(
      ids.map((id) => ({
        action,
        entityType: type.name,
        entityId: id,
        ...(type.name === 'person' ? { subjectPersonId: id } : {}),
      })),
    );
  }

  private auditEntry(
    type: PublishedType,
    action: 'create' | 'update' | 'delete',
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): AuditEntryInput {
    const subject = subjectPersonOf(type.name, id, type.doc, after ?? before);
    return {
      action,
      entityType: type.name,
      entityId: id,
      ...(subject ? { subjectPersonId: subject } : {}),
      changes: action === 'delete' ? [] : fieldChanges(type.doc, before, after),
    };
  }

  /** A writing transaction; its record changes go to the after-commit listeners once it committed. */
  private async write<T>(work: (trx: Knex.Transaction, changes: RecordChange[]) => Promise<T>): Promise<T> {
    const changes: RecordChange[] = [];
    const result = await this.db.transaction((trx) => work(trx, changes));
    await this.events.committed(changes);
    return result;
  }

  private async afterWrite(
    trx: Knex.Transaction,
    changes: RecordChange[],
    type: PublishedType,
    action: 'create' | 'update' | 'delete',
    before: RecordRow | null,
    after: RecordRow,
  ): Promise<void> {
    const beforeData = before?.data ?? null;
    const afterData = action === 'delete' ? null : after.data;
    const change: RecordChange = {
      entityType: type.name,
      id: after.id,
      action,
      before: beforeData,
      after: afterData,
    };
    await this.events.emit(change, trx);
    changes.push(change);
    await appendAudit(trx, [this.auditEntry(type, action, after.id, beforeData, afterData)]);
  }
}
