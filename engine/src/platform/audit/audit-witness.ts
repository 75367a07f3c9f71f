/**
 * Witnesses of the audit chain's head, kept apart from the entries they vouch for: checkpoint rows
 * (`audit_checkpoints`) and heads recorded outside the database (the `audit checkpoint` log lines).
 * A chain whose last entries were removed still links, but it no longer reaches its witnesses.
 */
export interface AuditHead {
  /** The entry's seq, as decimal text (a bigint). */
  seq: string;
  /** The entry's hash: 64 lowercase hex digits. */
  hash: string;
}

export type WitnessBreak = 'truncated' | 'checkpoint';

/**
 * How an intact chain ending at `lastSeq` (null when empty) fails the witness `head`, given the hash
 * of the chain's entry at the witness's seq (null when there is none), or null when it holds.
 */
export function witnessBreak(
  head: AuditHead,
  entryHash: string | null,
  lastSeq: bigint | null,
): WitnessBreak | null {
  if (lastSeq === null || BigInt(head.seq) > lastSeq || entryHash === null) return 'truncated';
  return entryHash === head.hash ? null : 'checkpoint';
}

const headPattern = /^([1-9][0-9]{0,18}):([0-9a-fA-F]{64})$/;
const maxSeq = 2n ** 63n - 1n;

/** `<seq>:<hash>` as written by hand or copied from a log line, or undefined when malformed. */
export function parseAuditHead(text: string): AuditHead | undefined {
  const match = headPattern.exec(text.trim());
  if (!match || BigInt(match[1]!) > maxSeq) return undefined;
  return { seq: match[1]!, hash: match[2]!.toLowerCase() };
}

export const auditHeadFormat = '<seq>:<hash> (a positive entry seq and its 64-hex-digit SHA-256 hash)';
