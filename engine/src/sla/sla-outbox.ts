import type { Knex } from 'knex';

export interface SlaMessage {
  name: string;
  correlationKey: string;
  variables: Record<string, unknown>;
  messageId: string;
  timeToLive: number;
}

interface OutboxRow {
  id: string;
  message_name: string;
  correlation_key: string;
  variables: Record<string, unknown>;
}

const leaseMs = 30_000;

/**
 * Publishes outbox rows as BPMN messages (at least once; the message id `sla-<id>` lets the
 * engine drop a repeat). A failure is counted and retried when the lease runs out.
 */
export async function publishOutbox(
  db: Knex,
  publish: (message: SlaMessage) => Promise<unknown>,
  now: Date,
  limit: number,
): Promise<number> {
  const { rows } = await db.raw<{ rows: OutboxRow[] }>(
    `with next as (
       select id from sla_outbox
        where published_at is null and (claimed_until is null or claimed_until < ?)
        order by id limit ? for update skip locked)
     update sla_outbox set claimed_until = ?, attempts = attempts + 1 from next
      where sla_outbox.id = next.id returning sla_outbox.*`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  );
  const published: string[] = [];
  for (const row of rows) {
    try {
      await publish({
        name: row.message_name,
        correlationKey: row.correlation_key,
        variables: row.variables,
        messageId: `sla-${row.id}`,
        timeToLive: 0,
      });
      published.push(row.id);
    } catch (error) {
      await db('sla_outbox')
        .where({ id: row.id })
        .update({ last_error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (published.length > 0) {
    await db('sla_outbox').whereIn('id', published).update({ published_at: new Date(), claimed_until: null });
  }
  return rows.length;
}
