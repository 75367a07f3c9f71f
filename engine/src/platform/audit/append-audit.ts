import type { Knex } from 'knex';
import { currentContext, type RequestContext } from '../../infra/logging/request-context.js';
import {
  deferWrites,
  PipelinedPgClient,
  queryScript,
  scriptTransaction,
} from '../../infra/db/pipelined-pg-client.js';
import { valuesList } from '../../infra/db/sql-literal.js';
import { chainRows, type AuditChange, type AuditRowInsert } from './audit-entry.js';
import type { EntryContent } from './audit-hash.js';
import { auditKeys } from './audit-keys.js';

export type { AuditChange } from './audit-entry.js';
export type AuditChannel = 'ui' | 'api' | 'integration' | 'engine';
export interface AuditEntryInput {
  action: string;
  entityType: string;
  entityId: string;
  subjectPersonId?: string;
  changes?: AuditChange[];
  actor?: { kind: 'user' | 'client' | 'engine'; id: string };
  channel?: AuditChannel;
  requestId?: string;
}

/** The chain's lock: every appender takes it, so entries are chained one transaction at a time. */
export const auditLockKey = 0x7a_0d_17;
const rowsPerInsert = 1_000;

export function channelOf(context: RequestContext | undefined): AuditChannel {
  if (!context) return 'engine';
  if (context.channel) return context.channel;
  if (!context.actor) return 'api';
  return context.actor.kind === 'client' ? 'integration' : context.actor.kind === 'user' ? 'ui' : 'engine';
}

function contentOf(input: AuditEntryInput, context: RequestContext | undefined): EntryContent {
  const actor = input.actor ?? context?.actor ?? { kind: 'engine' as const, id: 'engine' };
  return {
    actorKind: actor.kind,
    actorId: actor.id,
    channel: input.channel ?? channelOf(context),
    requestId: input.requestId ?? context?.requestId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    subjectPersonId: input.subjectPersonId ?? null,
    changes: input.changes ?? null,
  };
}

const lockSql = `select pg_advisory_xact_lock(${auditLockKey})`;
const headSql = `select last.seq::text as seq, last.hash,
    to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now,
    current_setting('transaction_isolation') as isolation
  from (select 1) as one
  left join lateral (select seq, hash from audit_log order by seq desc limit 1) as last on true`;

type HeadRow = { seq: string | null; hash: string | null; now: string; isolation: string };

/**
 * Takes the chain lock and reads the head after it (two statements: the second sees what the lock
 * waited for). On PostgreSQL through the pipelined client both go in one message, with the
 * transaction's waiting writes; the rows are then written with the transaction's next message.
 */
async function lockHead(trx: Knex.Transaction, pipelined: boolean): Promise<HeadRow> {
  const statements = [lockSql, headSql];
  if (pipelined) return (await queryScript(trx, statements)).at(-1)!.rows[0] as HeadRow;
  for (const statement of statements.slice(0, -1)) await trx.raw(statement);
  return ((await trx.raw(headSql)) as { rows: HeadRow[] }).rows[0]!;
}

const columns = [
  'seq',
  'at',
  'actor_kind',
  'actor_id',
  'channel',
  'request_id',
  'action',
  'entity_type',
  'entity_id',
  'subject_person_id',
  'changes',
  'prev_hash',
  'hash',
  'key_id',
] as const;

/** The rows as literal SQL: one multi-row statement per 1,000. */
function insertStatements(rows: AuditRowInsert[]): string[] {
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += rowsPerInsert) {
    const values = valuesList(rows.slice(i, i + rowsPerInsert).map((row) => columns.map((c) => row[c])));
    statements.push(`insert into audit_log (${columns.join(', ')}) values ${values}`);
  }
  return statements;
}

/** The rows, sent with the transaction's next message. */
async function writeRows(trx: Knex.Transaction, pipelined: boolean, rows: AuditRowInsert[]): Promise<void> {
  for (const sql of insertStatements(rows)) {
    if (pipelined) await deferWrites(trx, sql);
    else await trx.raw(sql);
  }
}

function checkIsolation(head: HeadRow): void {
  if (head.isolation !== 'read committed') {
    throw new Error(`appendAudit needs a READ COMMITTED transaction, not ${head.isolation}`);
  }
}

/**
 * Appends hash-chained entries (HMAC-SHA256 with the signing audit key, see `useAuditKeys`) inside the caller's transaction. The chain lock is held until that
 * transaction ends, so call this as the last step of a write. The caller's transaction must be
 * READ COMMITTED (PostgreSQL's default), so that the last entry is read after the lock is taken.
 * Called outside a transaction, it makes its own; one holding only reads (`read` entries) commits
 * without waiting for the disk: a database crash may lose the last moment of read entries, never
 * break the chain.
 */
export async function appendAudit(db: Knex | Knex.Transaction, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  if (db.isTransaction) await append(db as Knex.Transaction, entries);
  else await appendAlone(db, entries);
}

/**
 * Its own transaction in two messages (lock and head; rows and commit), without a knex
 * transaction: the read audit writes one every few milliseconds under load.
 */
async function appendAlone(db: Knex, entries: AuditEntryInput[]): Promise<void> {
  const { signing } = auditKeys();
  const context = currentContext();
  const contents = entries.map((entry) => contentOf(entry, context));
  const durable = !entries.every((e) => e.action === 'read');
  await scriptTransaction(db, { durable }, async (steps) => {
    const [, head] = await steps.step([lockSql, headSql]);
    const row = head!.rows[0] as HeadRow;
    checkIsolation(row);
    await steps.commit(
      insertStatements(chainRows({ seq: row.seq, hash: row.hash, at: row.now }, contents, signing)),
    );
  });
}

async function append(trx: Knex.Transaction, entries: AuditEntryInput[]): Promise<void> {
  const { signing } = auditKeys();
  const context = currentContext();
  const contents = entries.map((entry) => contentOf(entry, context));
  const pipelined = trx.client instanceof PipelinedPgClient;
  const head = await lockHead(trx, pipelined);
  checkIsolation(head);
  await writeRows(
    trx,
    pipelined,
    chainRows({ seq: head.seq, hash: head.hash, at: head.now }, contents, signing),
  );
}
