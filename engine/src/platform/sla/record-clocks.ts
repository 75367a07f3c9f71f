import type { Knex } from 'knex';
import type { BusinessCalendar } from '../calendars/business-calendar.js';
import { columnsOf, insertEvents, stateOf, type ClockRow } from './clock-rows.js';
import {
  pauseClock,
  resumeClock,
  retargetClock,
  scheduleOf,
  startClock,
  stopClock,
  type ClockEvent,
  type Transition,
} from './clock-state.js';
import { clockActions, firstResponseMetric, type ClockAction } from './record-transition.js';
import type { SlaContext } from './sla-context.js';
import { targetMilliseconds } from './sla-policies.js';
import { defaultWarningThresholds, targetFor, type SlaPolicyContent } from './sla-policy.js';

/** A record change as the entity store reports it (contract C2). */
export interface SlaRecordChange {
  entityType: string;
  id: string;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const clockedTypes = new Set(['case', 'work_order']);

/**
 * Starts, pauses, resumes, stops and re-targets a record's SLA clocks inside the transaction that
 * changed the record. An outbound interaction on a case counts as the first response. A policy
 * whose calendar is not published starts no clock: it never blocks the record's write.
 */
export async function applyRecordChange(
  ctx: SlaContext,
  change: SlaRecordChange,
  trx: Knex.Transaction,
): Promise<void> {
  const now = ctx.now();
  if (change.entityType === 'interaction' && change.action === 'create') {
    const caseId = change.after?.caseId;
    if (typeof caseId === 'string' && change.after?.direction === 'outbound') {
      const cause = { cause: 'interaction', interactionId: change.id };
      await applyActions(ctx, trx, 'case', caseId, now, cause, () => [
        { kind: 'stop', metrics: [firstResponseMetric] },
      ]);
    }
    return;
  }
  if (!clockedTypes.has(change.entityType)) return;
  if (change.action === 'create' && change.after) {
    await startClocks(ctx, trx, change.entityType, change.id, change.after, now);
    return;
  }
  const cause = { cause: change.action, status: change.after?.status, priority: change.after?.priority };
  await applyActions(ctx, trx, change.entityType, change.id, now, cause, (policy) =>
    clockActions(change.entityType, change.action, change.before, change.after, policy?.pauseStatuses ?? []),
  );
}

async function startClocks(
  ctx: SlaContext,
  trx: Knex.Transaction,
  recordType: string,
  recordId: string,
  record: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const matched = await ctx.policies.match(trx, recordType, { ...record, id: recordId });
  if (!matched) return;
  const policy = matched.content;
  const actions = clockActions(recordType, 'create', null, record, policy.pauseStatuses ?? []);
  if (!actions.some((a) => a.kind === 'start')) return;
  const calendar = await ctx.calendars.load(policy.calendar, trx);
  if (!calendar) return;
  const paused = actions.some((a) => a.kind === 'pause');
  const thresholds = policy.warningThresholds ?? defaultWarningThresholds;
  for (const metric of Object.keys(policy.metrics).sort()) {
    const target = targetFor(policy, metric, record.priority);
    const targetMs = target === undefined ? undefined : targetMilliseconds(target, calendar);
    if (target === undefined || targetMs === undefined) continue;
    const { state, events } = startClock(targetMs, thresholds, now, paused);
    const schedule = scheduleOf(state, calendar);
    const [row] = (await trx('sla_clocks')
      .insert({
        record_type: recordType,
        record_id: recordId,
        metric,
        policy_id: policy.id,
        policy_version: matched.version,
        calendar_id: policy.calendar,
        priority: typeof record.priority === 'string' ? record.priority : null,
        target,
        thresholds: JSON.stringify(state.thresholds),
        started_at: now,
        ...columnsOf(undefined, state, schedule, now),
        ...(paused ? { paused_at: now } : {}),
      })
      .onConflict(['record_type', 'record_id', 'metric'])
      .ignore()
      .returning(['id', 'record_type', 'record_id', 'metric'])) as ClockRow[];
    if (row)
      await insertEvents(
        trx,
        events.map((event) => ({ row, event, dueAt: schedule.dueAt })),
        now,
      );
  }
}

async function applyActions(
  ctx: SlaContext,
  trx: Knex.Transaction,
  recordType: string,
  recordId: string,
  now: Date,
  cause: Record<string, unknown>,
  actionsFor: (policy: SlaPolicyContent | undefined) => ClockAction[],
): Promise<void> {
  const rows = (await trx('sla_clocks')
    .where({ record_type: recordType, record_id: recordId })
    .whereNull('stopped_at')
    .orderBy('metric')
    .forUpdate()) as ClockRow[];
  const first = rows[0];
  if (!first) return;
  const policy = await ctx.policies.version(trx, first.policy_id, first.policy_version);
  const actions = actionsFor(policy);
  if (actions.length === 0) return;
  const calendar = await ctx.calendars.load(first.calendar_id, trx);
  if (!calendar) return;
  const timeline: { row: ClockRow; event: ClockEvent; dueAt: Date | null }[] = [];
  for (const row of rows) {
    const before = stateOf(row);
    let transition: Transition = { state: before, events: [] };
    const history: unknown[] = [];
    for (const action of actions) {
      const next = applyAction(transition.state, action, row, policy, calendar, now);
      if (next.events.some((e) => e.event === 'retargeted'))
        history.push({ at: now.toISOString(), ...next.events[0]?.data });
      transition = { state: next.state, events: [...transition.events, ...next.events] };
    }
    if (transition.events.length === 0) continue;
    const schedule = scheduleOf(transition.state, calendar);
    await trx('sla_clocks')
      .where({ id: row.id })
      .update({
        ...columnsOf(before, transition.state, schedule, now),
        ...(history.length > 0
          ? { history: JSON.stringify([...row.history, ...history]), target: lastTarget(history) }
          : {}),
        ...(actions.some((a) => a.kind === 'retarget') ? { priority: priorityOf(actions) } : {}),
        claimed_until: null,
        revision: row.revision + 1,
      });
    for (const event of transition.events) {
      timeline.push({
        row,
        event: { ...event, data: { ...cause, ...event.data } },
        dueAt: schedule.dueAt ?? row.due_at,
      });
    }
  }
  await insertEvents(trx, timeline, now);
}

function lastTarget(history: unknown[]): string {
  return String((history.at(-1) as { target?: unknown }).target);
}

function priorityOf(actions: ClockAction[]): string | null {
  const retarget = actions.find((a) => a.kind === 'retarget');
  return retarget?.kind === 'retarget' ? retarget.priority : null;
}

function applyAction(
  state: Transition['state'],
  action: ClockAction,
  row: ClockRow,
  policy: SlaPolicyContent | undefined,
  calendar: BusinessCalendar,
  now: Date,
): Transition {
  switch (action.kind) {
    case 'pause':
      return pauseClock(state, now, calendar);
    case 'resume':
      return resumeClock(state, now);
    case 'cancel':
      return stopClock(state, now, calendar, true);
    case 'stop':
      return action.metrics === 'all' || action.metrics.includes(row.metric)
        ? stopClock(state, now, calendar)
        : { state, events: [] };
    case 'retarget': {
      const target = policy ? targetFor(policy, row.metric, action.priority) : undefined;
      const targetMs = target === undefined ? undefined : targetMilliseconds(target, calendar);
      if (targetMs === undefined) return { state, events: [] };
      return retargetClock(state, targetMs, { reason: action.reason, priority: action.priority, target });
    }
    case 'start':
      return { state, events: [] };
  }
}
