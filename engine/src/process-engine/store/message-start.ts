import type { Knex } from 'knex';
import type { InstanceHeader } from '../../core/runtime/state.js';
import { lockCorrelation } from './buffered-messages.js';
import { keyOf } from './rows.js';

/**
 * Zeebe's rule for message start events: while an instance that a message with correlation key K
 * started is active, another message with K starts no instance of that process (it stays buffered
 * for its time to live). A message without a correlation key always starts one.
 */
export async function messageStartBlocked(
  trx: Knex.Transaction,
  bpmnProcessId: string,
  tenantId: string,
  correlationKey: string,
): Promise<boolean> {
  if (correlationKey === '') return false;
  const active = await trx('process_instances')
    .where({
      bpmn_process_id: bpmnProcessId,
      tenant_id: tenantId,
      state: 'ACTIVE',
      start_correlation_key: correlationKey,
    })
    .first('key');
  return active !== undefined;
}

export interface BufferedStart {
  messageKey: string;
  processDefinitionKey: string;
  startEventId: string;
  variables: Record<string, unknown>;
}

/**
 * When an instance a message started has ended, the oldest buffered message with the same
 * correlation key for one of the process's message start events, not used for a start yet, is the
 * one that starts the next instance (recorded as correlated to it by the caller).
 */
export async function nextBufferedStart(
  trx: Knex.Transaction,
  header: InstanceHeader,
  now: Date,
): Promise<BufferedStart | undefined> {
  const correlationKey = header.startCorrelationKey;
  if (!correlationKey) return undefined;
  const starts = (await trx('message_subscriptions')
    .where({
      kind: 'start',
      state: 'ACTIVE',
      bpmn_process_id: header.bpmnProcessId,
      tenant_id: header.tenantId,
    })
    .orderBy('key')
    .select('message_name', 'element_id', 'process_definition_key')) as {
    message_name: string;
    element_id: string;
    process_definition_key: unknown;
  }[];
  for (const start of starts) {
    await lockCorrelation(trx, header.tenantId, start.message_name, correlationKey);
    const message = await trx('messages')
      .where({ name: start.message_name, correlation_key: correlationKey, tenant_id: header.tenantId })
      .andWhere('expires_at', '>', now)
      .whereNotExists((q) =>
        q
          .select(trx.raw('1'))
          .from('message_correlations as c')
          .join('process_instances as p', 'p.key', 'c.process_instance_key')
          .whereRaw('c.message_key = messages.key')
          .andWhere('p.bpmn_process_id', header.bpmnProcessId),
      )
      .orderBy('key')
      .first('key', 'variables');
    if (message) {
      return {
        messageKey: keyOf(message.key),
        processDefinitionKey: keyOf(start.process_definition_key),
        startEventId: start.element_id,
        variables: (message.variables as Record<string, unknown>) ?? {},
      };
    }
  }
  return undefined;
}

export function recordCorrelation(trx: Knex.Transaction, messageKey: string, instanceKey: string) {
  return trx('message_correlations')
    .insert({ message_key: messageKey, process_instance_key: instanceKey })
    .onConflict()
    .ignore();
}
