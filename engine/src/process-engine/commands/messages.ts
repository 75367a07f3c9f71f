import type { Knex } from 'knex';
import type { BeforeCommit } from '../../infra/db/before-commit.js';
import { EngineError } from '../engine-error.js';
import type { CommandSession, EngineContext } from '../types.js';
import { lockCorrelation } from '../store/buffered-messages.js';
import { inTransaction } from './executor.js';
import { definitionByKey } from '../store/instance-rows.js';
import { startInstance } from './instances.js';
import { messageStartBlocked, recordCorrelation } from '../store/message-start.js';
import { json, keyOf } from '../store/rows.js';

export interface MessageRequest {
  name: string;
  correlationKey?: string;
  variables?: Record<string, unknown>;
  /** Publication only: how long (ms) an uncorrelated message waits for a subscription. */
  timeToLive?: number;
  messageId?: string;
  tenantId?: string;
}

export interface PublishedMessage {
  messageKey: string;
  tenantId: string;
}

export interface CorrelatedMessage extends PublishedMessage {
  processInstanceKey: string;
}

type SubscriptionRow = {
  key: unknown;
  kind: string;
  owner_key: unknown;
  element_id: string;
  process_instance_key: unknown;
  process_definition_key: unknown;
};

async function openSubscriptions(
  trx: Knex.Transaction,
  tenantId: string,
  name: string,
  correlationKey: string,
): Promise<SubscriptionRow[]> {
  return trx('message_subscriptions')
    .where({ tenant_id: tenantId, message_name: name, state: 'ACTIVE' })
    .andWhere((q) => q.where({ correlation_key: correlationKey }).orWhere({ kind: 'start' }))
    .orderBy('key');
}

/**
 * Correlates a message: to one subscription per waiting process instance, and starts an instance for
 * each process whose latest version has a matching message start event. Returns the instances touched.
 */
async function correlate(
  session: CommandSession,
  messageKey: string,
  request: MessageRequest,
  options: { firstOnly: boolean },
): Promise<string[]> {
  const tenantId = request.tenantId ?? '<default>';
  const correlationKey = request.correlationKey ?? '';
  const instances: string[] = [];
  for (const sub of await openSubscriptions(session.trx, tenantId, request.name, correlationKey)) {
    if (options.firstOnly && instances.length > 0) break;
    if (sub.kind === 'start') {
      const definition = await definitionByKey(session.trx, session.ctx, keyOf(sub.process_definition_key));
      if (!definition) continue;
      if (await messageStartBlocked(session.trx, definition.bpmnProcessId, tenantId, correlationKey))
        continue;
      const started = await startInstance(
        session,
        definition,
        request.variables ?? {},
        sub.element_id,
        correlationKey || undefined,
      );
      await recordCorrelation(session.trx, messageKey, started);
      instances.push(started);
      continue;
    }
    const instanceKey = keyOf(sub.process_instance_key);
    if (instances.includes(instanceKey)) continue;
    const outcome = await session.run(
      instanceKey,
      {
        type: 'trigger',
        ownerKey: keyOf(sub.owner_key),
        elementId: sub.element_id,
        variables: request.variables ?? {},
      },
      [
        {
          processInstanceKey: instanceKey,
          elementInstanceKey: keyOf(sub.owner_key),
          elementId: sub.element_id,
          event: 'MESSAGE_CORRELATED',
          data: { messageKey, name: request.name, correlationKey },
        },
      ],
    );
    if (outcome !== 'applied') continue;
    await recordCorrelation(session.trx, messageKey, instanceKey);
    instances.push(instanceKey);
  }
  return instances;
}

/** Publishes a message: correlated now where possible, and kept for its time to live otherwise. */
export async function publishMessage(
  ctx: EngineContext,
  request: MessageRequest,
  beforeCommit?: BeforeCommit<PublishedMessage>,
): Promise<PublishedMessage> {
  const tenantId = request.tenantId ?? '<default>';
  return inTransaction(ctx, async (session) => {
    const { trx } = session;
    await lockCorrelation(trx, tenantId, request.name, request.correlationKey ?? '');
    if (request.messageId) {
      const existing = await trx('messages')
        .where({ tenant_id: tenantId, name: request.name, message_id: request.messageId })
        .first('key', 'expires_at');
      if (existing && (existing.expires_at as Date) > session.now) {
        throw new EngineError(
          'ALREADY_EXISTS',
          `A message with name '${request.name}' and id '${request.messageId}' was already published and is still buffered`,
        );
      }
      if (existing) await trx('messages').where({ key: existing.key }).delete();
    }
    const messageKey = ctx.keys.source().next();
    await trx('messages').insert({
      key: messageKey,
      name: request.name,
      correlation_key: request.correlationKey ?? '',
      message_id: request.messageId ?? null,
      variables: json(request.variables ?? {}),
      expires_at: new Date(session.now.getTime() + Math.max(0, request.timeToLive ?? 0)),
      tenant_id: tenantId,
    });
    await correlate(session, messageKey, request, { firstOnly: false });
    const published = { messageKey, tenantId };
    await beforeCommit?.(trx, published);
    return published;
  });
}

/** Correlates a message to one waiting subscription or start event, now; nothing is buffered. */
export async function correlateMessage(
  ctx: EngineContext,
  request: MessageRequest,
  beforeCommit?: BeforeCommit<CorrelatedMessage>,
): Promise<CorrelatedMessage> {
  const tenantId = request.tenantId ?? '<default>';
  return inTransaction(ctx, async (session) => {
    await lockCorrelation(session.trx, tenantId, request.name, request.correlationKey ?? '');
    const messageKey = ctx.keys.source().next();
    const [processInstanceKey] = await correlate(session, messageKey, request, { firstOnly: true });
    if (!processInstanceKey) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find subscriptions for message with name '${request.name}' and correlation key '${request.correlationKey ?? ''}', but none was found`,
      );
    }
    const correlated = { messageKey, tenantId, processInstanceKey };
    await beforeCommit?.(session.trx, correlated);
    return correlated;
  });
}

/** Expired buffered messages are dropped periodically. */
export async function deleteExpiredMessages(ctx: EngineContext): Promise<number> {
  return ctx.db('messages').where('expires_at', '<=', ctx.now()).delete();
}
