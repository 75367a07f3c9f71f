import type { Knex } from 'knex';
import { brokenLink, type AuditRow, type BrokenReason, type ChainLink } from './audit-entry.js';
import { witnessBreak, type AuditHead } from './audit-witness.js';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  firstBroken?: { seq: string; reason: BrokenReason; message: string };
}

export interface VerifyAuditOptions {
  batchSize?: number;
  onProgress?: (checked: number) => void;
  /** A head kept outside the database (e.g. an `audit checkpoint` log line): checked like a checkpoint. */
  expectHead?: AuditHead;
}

const messages: Record<BrokenReason, string> = {
  'missing-entries': 'entries before this one are missing or out of order',
  'prev-hash': 'its link to the previous entry does not match that entry’s hash',
  content: 'its content does not match its hash: the entry was altered',
  truncated:
    'a checkpoint (or the expected head) recorded this entry, but the chain ends before it: its last entries were removed',
  checkpoint:
    'its hash differs from the one a checkpoint (or the expected head) recorded: the chain was rewritten up to here, or the checkpoint altered',
};

type Broken = { seq: string; reason: BrokenReason };
type Walk = { checked: number; last: ChainLink | null; broken?: Broken };

/**
 * Walks the whole chain in `seq` order, `batchSize` rows at a time, and stops at the first break;
 * then checks the chain reaches every checkpoint (and `expectHead`) with the hash it recorded.
 * Only the checkpoints that existed before the walk are checked: their entries did too, so the
 * walk reached them, whereas a checkpoint written meanwhile may be past where the walk ended.
 */
export async function verifyAudit(db: Knex, options: VerifyAuditOptions = {}): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5_000;
  const checkpointed = await latestCheckpointSeq(db);
  const walk = await walkChain(db, batchSize, options.onProgress);
  const lastSeq = walk.last?.seq ?? null;
  const broken =
    walk.broken ??
    earliest(
      checkpointed === null ? undefined : await brokenCheckpoint(db, checkpointed, lastSeq, batchSize),
      options.expectHead ? await brokenHead(db, options.expectHead, lastSeq) : undefined,
    );
  const result = {
    ok: !broken,
    checked: walk.checked,
    lastSeq: lastSeq === null ? null : lastSeq.toString(),
  };
  if (!broken) return result;
  return { ...result, firstBroken: { ...broken, message: messages[broken.reason] } };
}

async function walkChain(db: Knex, batchSize: number, onProgress?: (checked: number) => void): Promise<Walk> {
  let previous: ChainLink | null = null;
  let checked = 0;
  for (;;) {
    const after = previous?.seq ?? 0n;
    const rows = (await db('audit_log')
      .where('seq', '>', after.toString())
      .orderBy('seq')
      .limit(batchSize)) as AuditRow[];
    for (const row of rows) {
      const reason = brokenLink(previous, row);
      if (reason) return { checked, last: previous, broken: { seq: String(row.seq), reason } };
      previous = { seq: BigInt(row.seq), hash: row.hash };
      checked += 1;
    }
    onProgress?.(checked);
    if (rows.length < batchSize) return { checked, last: previous };
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
