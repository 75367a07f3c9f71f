import type { FlowNode } from '../bpmn/model.js';
import { nextTimerDue, type TimerDue } from '../feel/timers.js';
import type { Execution } from './execution.js';

export type WaitResult = { ok: true } | { ok: false; message: string };

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** A timer for a timer event, owned by `ownerKey`; expressions are evaluated in `scopeKey`. */
export function openTimer(x: Execution, ownerKey: string, event: FlowNode, scopeKey: string): WaitResult {
  if (event.eventDefinition?.kind !== 'timer') return { ok: true };
  const { timer } = event.eventDefinition;
  const evaluated = x.evaluate(timer.value, scopeKey);
  if (!evaluated.ok) return { ok: false, message: `Timer of '${event.id}': ${evaluated.message}` };
  const value = asText(evaluated.value);
  if (value === undefined) {
    return {
      ok: false,
      message: `Timer of '${event.id}' must be a string, got ${JSON.stringify(evaluated.value)}`,
    };
  }
  const due =
    timer.calendar && timer.kind === 'duration'
      ? businessDue(x, timer.calendar, value)
      : nextTimerDue(timer.kind, value, x.now);
  if (!due.ok) return { ok: false, message: `Timer of '${event.id}': ${due.message}` };
  x.effects.push({
    kind: 'timer.created',
    timer: {
      key: x.keys.next(),
      ownerKey,
      elementId: event.id,
      dueAt: due.due,
      ...(timer.kind === 'cycle' ? { repetitions: due.repetitionsLeft ?? -1, interval: value } : {}),
    },
  });
  return { ok: true };
}

function businessDue(x: Execution, calendarId: string, value: string): TimerDue {
  if (!x.businessTime) {
    return { ok: false, message: `business calendars are not available for the calendar "${calendarId}"` };
  }
  const due = x.businessTime(calendarId, x.now, value);
  return due.ok ? { ok: true, due: due.due, repetitionsLeft: 0 } : due;
}

/** A message subscription for a message event or receive task, owned by `ownerKey`. */
export function openSubscription(
  x: Execution,
  ownerKey: string,
  event: FlowNode,
  scopeKey: string,
  interrupting: boolean,
): WaitResult {
  if (event.eventDefinition?.kind !== 'message') return { ok: true };
  const { messageName, correlationKey } = event.eventDefinition;
  const name = x.evaluate(messageName, scopeKey);
  if (!name.ok) return { ok: false, message: `Message name of '${event.id}': ${name.message}` };
  const nameText = asText(name.value);
  if (!nameText) return { ok: false, message: `Message name of '${event.id}' must be a string` };
  if (!correlationKey) return { ok: false, message: `'${event.id}' has no correlation key` };
  const key = x.evaluate(correlationKey, scopeKey);
  if (!key.ok) return { ok: false, message: `Correlation key of '${event.id}': ${key.message}` };
  const keyText = asText(key.value);
  if (keyText === undefined) {
    return {
      ok: false,
      message: `Failed to extract the correlation key for '${event.id}': expected a string or number, but got ${JSON.stringify(key.value ?? null)}`,
    };
  }
  x.effects.push({
    kind: 'subscription.opened',
    subscription: {
      key: x.keys.next(),
      ownerKey,
      elementId: event.id,
      messageName: nameText,
      correlationKey: keyText,
      interrupting,
    },
  });
  return { ok: true };
}

/** Timers and subscriptions for a set of catching events (boundary events, event sub-process starts). */
export function openEventWaits(
  x: Execution,
  ownerKey: string,
  eventIds: string[],
  scopeKey: string,
): WaitResult {
  for (const id of eventIds) {
    const event = x.node(id);
    const kind = event.eventDefinition?.kind;
    const interrupting =
      event.type === 'BOUNDARY_EVENT' ? event.cancelActivity !== false : event.interrupting !== false;
    const result =
      kind === 'timer'
        ? openTimer(x, ownerKey, event, scopeKey)
        : kind === 'message'
          ? openSubscription(x, ownerKey, event, scopeKey, interrupting)
          : { ok: true as const };
    if (!result.ok) return result;
  }
  return { ok: true };
}

/** The start events of a scope's event sub-processes (timer and message ones need waits). */
export function eventSubProcessStarts(x: Execution, scope: FlowNode): string[] {
  return (scope.eventSubProcessIds ?? [])
    .map((espId) => x.node(espId).startEventId)
    .filter((id): id is string => id !== undefined);
}
