import type { ProcessModel } from '../../core/bpmn/model.js';
import { nextTimerDue } from '../../core/feel/timers.js';
import type { CommandSession } from '../types.js';

/**
 * A new version takes over the process's timer and message start events: the previous version's
 * are cancelled, and the new one's are scheduled (timers) or opened (messages).
 */
export async function scheduleStartEvents(
  session: CommandSession,
  definition: { key: string; model: ProcessModel; bpmnProcessId: string; tenantId: string },
): Promise<void> {
  const { trx, now } = session;
  const previous = trx('process_definitions')
    .select('key')
    .where({ bpmn_process_id: definition.bpmnProcessId, tenant_id: definition.tenantId })
    .whereNot({ key: definition.key });
  await trx('timers')
    .whereNull('process_instance_key')
    .whereIn('process_definition_key', previous)
    .andWhere({ state: 'ACTIVE' })
    .update({ state: 'CANCELED' });
  await trx('message_subscriptions')
    .where({ kind: 'start' })
    .whereIn('process_definition_key', previous)
    .andWhere({ state: 'ACTIVE' })
    .update({ state: 'DELETED' });

  const keys = session.ctx.keys.source();
  for (const id of definition.model.startEventIds) {
    const event = definition.model.elements[id]!;
    const def = event.eventDefinition;
    if (def?.kind === 'timer' && 'static' in def.timer.value) {
      const due = nextTimerDue(def.timer.kind, def.timer.value.static, now);
      if (!due.ok) continue;
      await trx('timers').insert({
        key: keys.next(),
        owner_key: null,
        element_id: id,
        process_instance_key: null,
        process_definition_key: definition.key,
        due_at: due.due,
        repetitions: def.timer.kind === 'cycle' ? (due.repetitionsLeft ?? -1) : null,
        interval: def.timer.kind === 'cycle' ? def.timer.value.static : null,
        state: 'ACTIVE',
      });
      session.ctx.notifier.afterCommit(trx, 'engine_timers', '');
    }
    if (def?.kind === 'message' && 'static' in def.messageName) {
      await trx('message_subscriptions').insert({
        key: keys.next(),
        kind: 'start',
        owner_key: null,
        element_id: id,
        process_instance_key: null,
        process_definition_key: definition.key,
        bpmn_process_id: definition.bpmnProcessId,
        message_name: def.messageName.static,
        correlation_key: null,
        interrupting: true,
        state: 'ACTIVE',
        tenant_id: definition.tenantId,
      });
    }
  }
}
