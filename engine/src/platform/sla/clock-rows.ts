import type { Knex } from 'knex';
import type { ClockEvent, ClockSchedule, ClockState, ClockStatus } from './clock-state.js';

export interface ClockRow {
  id: string;
  record_type: string;
  record_id: string;
  metric: string;
  policy_id: string;
  policy_version: number;
  calendar_id: string;
  priority: string | null;
  target: string;
  target_ms: string | number;
  status: ClockStatus;
  elapsed_ms: string | number;
  thresholds: number[];
  fired: number[];
  started_at: Date;
  paused_at: Date | null;
  resumed_at: Date | null;
  stopped_at: Date | null;
  due_at: Date | null;
  breached_at: Date | null;
  next_event_at: Date | null;
  next_event: string | null;
  next_threshold: number | null;
  revision: number;
  history: unknown[];
}

export function stateOf(row: ClockRow): ClockState {
  return {
    status: row.status,
    targetMs: Number(row.target_ms),
    elapsedMs: Number(row.elapsed_ms),
    resumedAt: row.resumed_at ? new Date(row.resumed_at) : null,
    stoppedAt: row.stopped_at ? new Date(row.stopped_at) : null,
    breachedAt: row.breached_at ? new Date(row.breached_at) : null,
    thresholds: row.thresholds,
    fired: row.fired,
  };
}

/** The columns a new state and schedule set (`paused_at` when the clock just stopped ticking). */
export function columnsOf(
  previous: ClockState | undefined,
  state: ClockState,
  schedule: ClockSchedule,
  now: Date,
) {
  const pausedNow = previous?.resumedAt && !state.resumedAt && !state.stoppedAt;
  return {
    status: state.status,
    target_ms: state.targetMs,
    elapsed_ms: Math.round(state.elapsedMs),
    fired: JSON.stringify(state.fired),
    resumed_at: state.resumedAt,
    stopped_at: state.stoppedAt,
    breached_at: state.breachedAt,
    due_at: schedule.dueAt,
    next_event_at: schedule.nextEventAt,
    next_event: schedule.nextEvent,
    next_threshold: schedule.nextThreshold,
    ...(pausedNow ? { paused_at: now } : {}),
    updated_at: now,
  };
}

export const messageEvents = new Set(['warning', 'breached', 'met']);

/** Writes a clock's events to its timeline and the message-worthy ones to the outbox. */
export async function insertEvents(
  trx: Knex.Transaction | Knex,
  items: {
    row: Pick<ClockRow, 'id' | 'record_type' | 'record_id' | 'metric'>;
    event: ClockEvent;
    dueAt: Date | null;
  }[],
  now: Date,
): Promise<void> {
  if (items.length === 0) return;
  const inserted = await trx('sla_events')
    .insert(
      items.map(({ row, event, dueAt }) => ({
        clock_id: row.id,
        record_type: row.record_type,
        record_id: row.record_id,
        metric: row.metric,
        event: event.event,
        threshold: event.threshold ?? null,
        scheduled_at: event.scheduledAt ?? null,
        occurred_at: now,
        due_at: dueAt,
        data: JSON.stringify(event.data ?? {}),
      })),
    )
    .returning('id');
  const outbox = items.flatMap(({ row, event, dueAt }, i) =>
    messageEvents.has(event.event)
      ? [
          {
            event_id: (inserted[i] as { id: string }).id,
            message_name: `sla.${event.event}`,
            correlation_key: row.record_id,
            variables: JSON.stringify({
              slaMetric: row.metric,
              slaClockId: row.id,
              slaDueAt: dueAt?.toISOString() ?? null,
              ...(event.threshold !== undefined ? { slaThreshold: event.threshold } : {}),
            }),
            created_at: now,
          },
        ]
      : [],
  );
  if (outbox.length > 0) await trx('sla_outbox').insert(outbox);
}
