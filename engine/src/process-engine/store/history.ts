import type { Knex } from 'knex';
import { currentContext } from '../../infra/logging/request-context.js';
import type { Effect } from '../../core/runtime/effects.js';
import { insertWrite, type Write } from '../../infra/db/merge-writes.js';
import { runBatch } from './batch.js';

export interface HistoryEntry {
  processInstanceKey: string;
  elementInstanceKey?: string;
  elementId?: string;
  event: string;
  data?: Record<string, unknown>;
}

/** Who caused what is happening now: the signed-in user or client of the request, else the engine. */
export function currentActor(): { actor: string; requestId: string | null } {
  const context = currentContext();
  return {
    actor: context?.actor ? `${context.actor.kind}:${context.actor.id}` : 'engine',
    requestId: context?.requestId ?? null,
  };
}

/** The transitions a command's effects amount to, as history entries. */
export function historyOf(instanceKey: string, effects: Effect[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const effect of effects) {
    switch (effect.kind) {
      case 'element.created':
        entries.push({
          processInstanceKey: instanceKey,
          elementInstanceKey: effect.element.key,
          elementId: effect.element.elementId,
          event: 'ELEMENT_ACTIVATED',
          data: { elementType: effect.element.elementType },
        });
        break;
      case 'element.updated':
        if (effect.element.state !== 'ACTIVE') {
          entries.push({
            processInstanceKey: instanceKey,
            elementInstanceKey: effect.element.key,
            elementId: effect.element.elementId,
            event: effect.element.state === 'COMPLETED' ? 'ELEMENT_COMPLETED' : 'ELEMENT_TERMINATED',
          });
        }
        break;
      case 'variable.set':
        entries.push({
          processInstanceKey: instanceKey,
          elementInstanceKey: effect.scopeKey,
          event: 'VARIABLE_SET',
          data: { name: effect.name },
        });
        break;
      case 'job.created':
        entries.push({
          processInstanceKey: instanceKey,
          elementInstanceKey: effect.job.elementInstanceKey,
          elementId: effect.job.elementId,
          event: 'JOB_CREATED',
          data: { jobKey: effect.job.key, type: effect.job.type },
        });
        break;
      case 'timer.created':
        entries.push({
          processInstanceKey: instanceKey,
          elementInstanceKey: effect.timer.ownerKey,
          elementId: effect.timer.elementId,
          event: 'TIMER_CREATED',
          data: { timerKey: effect.timer.key, dueAt: effect.timer.dueAt.toISOString() },
        });
        break;
      case 'subscription.opened':
        entries.push({
          processInstanceKey: instanceKey,
          elementInstanceKey: effect.subscription.ownerKey,
          elementId: effect.subscription.elementId,
          event: 'MESSAGE_SUBSCRIPTION_OPENED',
          data: {
            messageName: effect.subscription.messageName,
            correlationKey: effect.subscription.correlationKey,
          },
        });
        break;
      case 'user-task.created':
        entries.push({
          processInstanceKey: instanceKey,
          elementInstanceKey: effect.task.elementInstanceKey,
          elementId: effect.task.elementId,
          event: 'USER_TASK_CREATED',
          data: { userTaskKey: effect.task.key, assignee: effect.task.assignee ?? null },
        });
        break;
      case 'incident.raised':
        entries.push({
          processInstanceKey: instanceKey,
          elementInstanceKey: effect.incident.elementInstanceKey,
          elementId: effect.incident.elementId,
          event: 'INCIDENT_RAISED',
          data: {
            incidentKey: effect.incident.key,
            errorType: effect.incident.errorType,
            message: effect.incident.errorMessage,
          },
        });
        break;
      case 'instance.ended':
        entries.push({ processInstanceKey: instanceKey, event: `PROCESS_INSTANCE_${effect.header.status}` });
        break;
      default:
        break;
    }
  }
  return entries;
}

/** One row per instance: its entries as a JSONB array (the view `history` shows one row per entry). */
export function historyInsert(entries: HistoryEntry[], at: Date): Write | undefined {
  if (entries.length === 0) return undefined;
  const { actor, requestId } = currentActor();
  const byInstance = new Map<string, object[]>();
  for (const e of entries) {
    let list = byInstance.get(e.processInstanceKey);
    if (!list) byInstance.set(e.processInstanceKey, (list = []));
    list.push({ e: e.event, k: e.elementInstanceKey, i: e.elementId, d: e.data });
  }
  return insertWrite(
    'history_records',
    [...byInstance].map(([instanceKey, list]) => ({
      process_instance_key: instanceKey,
      at,
      actor,
      request_id: requestId,
      entries: JSON.stringify(list),
    })),
  );
}

export async function writeHistory(trx: Knex.Transaction, entries: HistoryEntry[], at: Date): Promise<void> {
  const insert = historyInsert(entries, at);
  if (insert) await runBatch(trx, [insert]);
}
