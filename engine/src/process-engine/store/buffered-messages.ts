import type { Knex } from 'knex';
import type { Command } from '../../core/runtime/commands.js';
import type { InstanceHeader } from '../../core/runtime/state.js';
import { keyOf } from './rows.js';

/**
 * Publication and subscription opening both take this lock, so a message and a subscription
 * committed at the same moment still meet (one of the two always sees the other).
 */
export async function lockCorrelation(
  trx: Knex.Transaction,
  tenantId: string,
  name: string,
  correlationKey: string,
): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [
    `message:${tenantId}:${name}:${correlationKey}`,
  ]);
}

/**
 * Messages published before a subscription opened are kept for their time to live; when a matching
 * subscription opens, the oldest such message not yet correlated to this instance triggers it.
 */
export async function correlateBufferedMessages(
  trx: Knex.Transaction,
  header: InstanceHeader,
  opened: { key: string; ownerKey: string; elementId: string; messageName: string; correlationKey: string }[],
  now: Date,
): Promise<Command[]> {
  const triggers: Command[] = [];
  const usedHere = new Set<string>();
  for (const subscription of opened) {
    await lockCorrelation(trx, header.tenantId, subscription.messageName, subscription.correlationKey);
    const message = await trx('messages')
      .where({
        name: subscription.messageName,
        correlation_key: subscription.correlationKey,
        tenant_id: header.tenantId,
      })
      .andWhere('expires_at', '>', now)
      .whereNotExists((q) =>
        q
          .select(trx.raw('1'))
          .from('message_correlations as c')
          .whereRaw('c.message_key = messages.key')
          .andWhere('c.process_instance_key', header.key),
      )
      .orderBy('key')
      .first('key', 'variables');
    if (!message || usedHere.has(keyOf(message.key))) continue;
    usedHere.add(keyOf(message.key));
    await trx('message_correlations').insert({ message_key: message.key, process_instance_key: header.key });
    triggers.push({
      type: 'trigger',
      ownerKey: subscription.ownerKey,
      elementId: subscription.elementId,
      variables: (message.variables as Record<string, unknown>) ?? {},
    });
  }
  return triggers;
}
