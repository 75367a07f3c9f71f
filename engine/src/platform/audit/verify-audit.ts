import type { Knex } from 'knex';
import { brokenLink, type AuditRow, type BrokenReason, type ChainLink } from './audit-entry.js';
import { auditKeys, type AuditKeyring } from './audit-keys.js';
import { witnessBreak, type AuditHead } from './audit-witness.js';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  /**
   * How many of the checked entries are plain SHA-256 ones from before the audit keys (present when
   * any): they are covered by the first keyed entry's HMAC, but a chain of only such entries is not
   * proof against a superuser who rewrote it whole.
   */
  plainEntries?: number;
  firstBroken?: { seq: string; reason: BrokenReason; message: string };
}

export interface VerifyAuditOptions {
  batchSize?: number;
  onProgress?: (checked: number) => void;
  /** A head kept outside the database (e.g. an `audit checkpoint` log line): checked like a checkpoint. */
  expectHead?: AuditHead;
  /** The keys to check keyed entries with; the process's audit keys by default. */
  keys?: AuditKeyring;
}

const messages: Record<BrokenReason, string> = {
  'missing-entries': 'entries before this one are missing or out of order',
  'prev-hash': 'its link to the previous entry does not match that entry’s hash',
  content: 'its content does not match its hash: the entry was altered',
  'unknown-key': 'it names an audit key that is not configured: keep every old key after the new one',
  unkeyed:
    'it has no audit key though an entry before it has: the chain was rewritten from here by someone without the key',
  truncated:
    'a checkpoint (or the expected head) recorded this entry, but the chain ends before it: its last entries were removed',
  checkpoint:
    'its hash differs from the one a checkpoint (or the expected head) recorded: the chain was rewritten up to here, or the checkpoint altered',
};

type Broken = { seq: string; reason: BrokenReason };
type Walk = { checked: number; plain: number; last: ChainLink | null; broken?: Broken };

/**
 * Walks the whole chain in `seq` order, `batchSize` rows at a time, and stops at the first break;
 * then checks the chain reaches every checkpoint (and `expectHead`) with the hash it recorded.
 * Only the checkpoints that existed before the walk are checked: their entries did too, so the
 * walk reached them, whereas a checkpoint written meanwhile may be past where the walk ended.
 */
export async function verifyAudit(db: Knex, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5_000;
  const checkpointed = await latestCheckpointSeq(db);
  const walk = await walkChain(db, options.keys ?? auditKeys(), batchSize, options.onProgress);
  const lastSeq = walk.last?.seq ?? null;
  const broken =
    walk.broken ??
    earliest(
      checkpointed === null ? undefined : await brokenCheckpoint(db, checkpointed, lastSeq, batchSize),
      options.expectHead ? await brokenHead(db, options.expectHead, lastSeq) : undefined,
    );
  const result: AuditVerification = {
    ok: !broken,
    checked: walk.checked,
    lastSeq: lastSeq === null ? null : lastSeq.toString(),
    ...(walk.plain > 0 ? { plainEntries: walk.plain } : {}),
  };
  if (!broken) return result;
  return { ...result, firstBroken: { ...broken, message: messages[broken.reason] } };
}

async function walkChain(
  db: Knex,
  keyring: AuditKeyring,
  batchSize: number,
  onProgress?: (checked: number) => void,
): Promise<Walk> {
  let previous: ChainLink | null = null;
  let checked = 0;
  let plain = 0;
  for (;;) {
    const after = previous?.seq ?? 0n;
    const rows = (await db('audit_log')
      .where('seq', '>', after.toString())
      .orderBy('seq')
      .limit(batchSize)) as AuditRow[];
    for (const row of rows) {
      const reason = brokenLink(previous, row, keyring);
      if (reason) return { checked, plain, last: previous, broken: { seq: String(row.seq), reason } };
      previous = { seq: BigInt(row.seq), hash: row.hash, keyed: row.key_id !== null };
      checked += 1;
      if (row.key_id === null) plain += 1;
    }
    onProgress?.(checked);
    if (rows.length < batchSize) return { checked, plain, last: previous };
  }
}

async function latestCheckpointSeq(db: Knex): Promise<string | null> {
  const row = (await db('audit_checkpoints').first(db.raw('max(seq)::text as seq'))) as {
    seq: string | null;
  };
  return row.seq;
}

/** The first checkpoint up to `upTo` that the chain ending at `lastSeq` fails, in batches. */
async function brokenCheckpoint(
  db: Knex,
  upTo: string,
  lastSeq: bigint | null,
  batchSize: number,
): Promise<Broken | undefined> {
  let after = '0';
  for (;;) {
    const rows = (await db('audit_checkpoints as c')
      .leftJoin('audit_log as a', 'a.seq', 'c.seq')
      .where('c.seq', '>', after)
      .andWhere('c.seq', '<=', upTo)
      .orderBy('c.seq')
      .limit(batchSize)
      .select(db.raw('c.seq::text as seq'), 'c.hash', 'a.hash as entry_hash')) as (AuditHead & {
      entry_hash: string | null;
    })[];
    for (const row of rows) {
      const reason = witnessBreak(row, row.entry_hash, lastSeq);
      if (reason) return { seq: row.seq, reason };
    }
    if (rows.length < batchSize) return undefined;
    after = rows.at(-1)!.seq;
  }
}

async function brokenHead(db: Knex, head: AuditHead, lastSeq: bigint | null): Promise<Broken | undefined> {
  const entry = (await db('audit_log').where('seq', head.seq).first('hash')) as { hash: string } | undefined;
  const reason = witnessBreak(head, entry?.hash ?? null, lastSeq);
  return reason ? { seq: head.seq, reason } : undefined;
}

function earliest(a: Broken | undefined, b: Broken | undefined): Broken | undefined {
  if (!a || !b) return a ?? b;
  return BigInt(b.seq) < BigInt(a.seq) ? b : a;
}
