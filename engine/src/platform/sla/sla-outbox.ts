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
const defaultTenant = '<default>';
/** Messages published at once: each is its own engine transaction. */
const publishConcurrency = 8;

/**
 * Publishes outbox rows as BPMN messages (at least once; the message id `sla-<id>` lets the
 * engine drop a repeat), several at once. A failure is counted and retried when the lease runs out.
 */
export async function publishOutbox(
  db: Knex,
  publish: (message: SlaMessage) => Promise<unknown>,
  now: Date,
  limit: number,
  options: { publishUnlistened?: boolean } = {},
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
  const listened = options.publishUnlistened ? new Set(rows.map((r) => r.id)) : await listenedRows(db, rows);
  for (const row of rows) if (!listened.has(row.id)) published.push(row.id);
  const toPublish = rows.filter((row) => listened.has(row.id));
  let next = 0;
  const publishNext = async (): Promise<void> => {
    for (let row = toPublish[next++]; row; row = toPublish[next++]) {
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
  };
  await Promise.all(Array.from({ length: publishConcurrency }, publishNext));
  if (published.length > 0) {
    await db('sla_outbox').whereIn('id', published).update({ published_at: new Date(), claimed_until: null });
  }
  return rows.length;
}

/**
 * The rows some process listens for now: an active subscription to the message name with the record
 * id as correlation key, or a message start event. The messages are published with no time to live,
 * so the others would be dropped by the engine anyway; checking once per batch saves a transaction each.
 */
async function listenedRows(db: Knex, rows: OutboxRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const names = [...new Set(rows.map((r) => r.message_name))];
  const subscriptions = await db('message_subscriptions')
    .where({ tenant_id: defaultTenant, state: 'ACTIVE' })
    .whereIn('message_name', names)
    .andWhere((q) =>
      q
        .whereIn('correlation_key', [...new Set(rows.map((r) => r.correlation_key))])
        .orWhere({ kind: 'start' }),
    )
    .select('message_name', 'correlation_key', 'kind');
  const starts = new Set(
    subscriptions.filter((s) => s.kind === 'start').map((s) => s.message_name as string),
  );
  const waiting = new Set(
    subscriptions.map((s) => `${s.message_name as string}\u0000${s.correlation_key as string}`),
  );
  return new Set(
    rows
      .filter((r) => starts.has(r.message_name) || waiting.has(`${r.message_name}\u0000${r.correlation_key}`))
      .map((r) => r.id),
  );
}
