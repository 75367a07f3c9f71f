import type { Knex } from 'knex';
import type { Logger } from '../../infra/logging/logger.js';
import { auditLockKey } from './append-audit.js';
import type { AuditHead } from './audit-witness.js';

/**
 * Records the chain's head in `audit_checkpoints` when it moved past the latest checkpoint; returns
 * the checkpoint written, or undefined when there was nothing new. It takes the appenders' chain
 * lock first (in its own statement, so the insert's READ COMMITTED snapshot is taken after the
 * lock): no append is in flight, the head is stable, and concurrent callers write one row.
 */
export async function writeCheckpoint(db: Knex): Promise<AuditHead | undefined> {
  return db.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(${auditLockKey})`);
    const { rows } = (await trx.raw(`
      insert into audit_checkpoints (seq, hash)
      select head.seq, head.hash
        from (select seq, hash from audit_log order by seq desc limit 1) as head
       where head.seq > coalesce((select max(seq) from audit_checkpoints), 0)
      returning seq::text as seq, hash`)) as { rows: AuditHead[] };
    return rows[0];
  });
}

/**
 * `writeCheckpoint`, with each checkpoint written logged as `{ auditCheckpoint: { seq, hash } }`:
 * that line is the witness kept outside the database (`--expect-head <seq>:<hash>`). Never throws.
 */
export async function checkpointAudit(db: Knex, logger: Logger): Promise<void> {
  try {
    const checkpoint = await writeCheckpoint(db);
    if (checkpoint) logger.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
  } catch (error) {
    logger.warn({ err: error }, 'could not write an audit checkpoint');
  }
}
