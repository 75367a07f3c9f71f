import type { Knex } from 'knex';
import { brokenLink, type AuditRow, type BrokenReason, type ChainLink } from './audit-entry.js';

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  firstBroken?: { seq: string; reason: BrokenReason; message: string };
}

const messages: Record<BrokenReason, string> = {
  'missing-entries': 'entries before this one are missing or out of order',
  'prev-hash': 'its link to the previous entry does not match that entry’s hash',
  content: 'its content does not match its hash: the entry was altered',
};

/** Walks the whole chain in `seq` order, `batchSize` rows at a time, and stops at the first break. */
export async function verifyAudit(
  db: Knex,
  options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 5_000;
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
      if (reason) {
        return {
          ok: false,
          checked,
          lastSeq: previous ? previous.seq.toString() : null,
          firstBroken: { seq: String(row.seq), reason, message: messages[reason] },
        };
      }
      previous = { seq: BigInt(row.seq), hash: row.hash };
      checked += 1;
    }
    options.onProgress?.(checked);
    if (rows.length < batchSize) {
      return { ok: true, checked, lastSeq: previous ? previous.seq.toString() : null };
    }
  }
}
