/** Business-time arithmetic a clock needs from its calendar. */
export interface ClockCalendar {
  addMilliseconds(from: number, milliseconds: number): number;
  between(from: Date, to: Date): number;
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached' | 'cancelled';

/**
 * An SLA clock's state. It ticks while `resumedAt` is set (a breached clock keeps ticking until
 * the record is resolved); `elapsedMs` is the business time before `resumedAt`.
 */
export interface ClockState {
  status: ClockStatus;
  targetMs: number;
  elapsedMs: number;
  resumedAt: Date | null;
  stoppedAt: Date | null;
  breachedAt: Date | null;
  thresholds: number[];
  fired: number[];
}

export interface ClockSchedule {
  dueAt: Date | null;
  nextEventAt: Date | null;
  nextEvent: 'warning' | 'breached' | null;
  nextThreshold: number | null;
}

export type ClockEventName =
  'started' | 'paused' | 'resumed' | 'retargeted' | 'warning' | 'breached' | 'met' | 'cancelled';

export interface ClockEvent {
  event: ClockEventName;
  threshold?: number;
  scheduledAt?: Date;
  data?: Record<string, unknown>;
}

export interface Transition {
  state: ClockState;
  events: ClockEvent[];
}

const ticking = (state: ClockState) => state.resumedAt !== null && state.stoppedAt === null;

export function startClock(targetMs: number, thresholds: number[], now: Date, paused: boolean): Transition {
  const state: ClockState = {
    status: paused ? 'paused' : 'running',
    targetMs,
    elapsedMs: 0,
    resumedAt: paused ? null : now,
    stoppedAt: null,
    breachedAt: null,
    thresholds: [...thresholds].sort((a, b) => a - b),
    fired: [],
  };
  return { state, events: [{ event: 'started' }, ...(paused ? [{ event: 'paused' as const }] : [])] };
}

/** Business time elapsed at `now`, pauses excluded. */
export function elapsedAt(state: ClockState, now: Date, calendar: ClockCalendar): number {
  if (!ticking(state) || !state.resumedAt) return state.elapsedMs;
  return state.elapsedMs + Math.max(0, calendar.between(state.resumedAt, now));
}

/** When the clock is due and what it fires next; nothing while paused or stopped. */
export function scheduleOf(state: ClockState, calendar: ClockCalendar): ClockSchedule {
  if (!ticking(state) || !state.resumedAt)
    return { dueAt: null, nextEventAt: null, nextEvent: null, nextThreshold: null };
  const from = state.resumedAt.getTime();
  const at = (businessMs: number) =>
    new Date(calendar.addMilliseconds(from, Math.max(0, businessMs - state.elapsedMs)));
  const dueAt = at(state.targetMs);
  if (state.status === 'breached') return { dueAt, nextEventAt: null, nextEvent: null, nextThreshold: null };
  const threshold = state.thresholds.find((t) => !state.fired.includes(t));
  if (threshold !== undefined) {
    return {
      dueAt,
      nextEventAt: at(threshold * state.targetMs),
      nextEvent: 'warning',
      nextThreshold: threshold,
    };
  }
  return { dueAt, nextEventAt: dueAt, nextEvent: 'breached', nextThreshold: null };
}

/** Fires the scheduled event that fell due at `scheduledAt`. */
export function fireScheduled(state: ClockState, schedule: ClockSchedule): Transition {
  if (!schedule.nextEventAt || !schedule.nextEvent) return { state, events: [] };
  const scheduledAt = schedule.nextEventAt;
  if (schedule.nextEvent === 'warning' && schedule.nextThreshold !== null) {
    const threshold = schedule.nextThreshold;
    return {
      state: { ...state, fired: [...state.fired, threshold] },
      events: [{ event: 'warning', threshold, scheduledAt }],
    };
  }
  return {
    state: { ...state, status: 'breached', breachedAt: scheduledAt },
    events: [{ event: 'breached', scheduledAt }],
  };
}

export function pauseClock(state: ClockState, now: Date, calendar: ClockCalendar): Transition {
  if (!ticking(state)) return { state, events: [] };
  const status = state.status === 'breached' ? 'breached' : 'paused';
  return {
    state: { ...state, status, elapsedMs: elapsedAt(state, now, calendar), resumedAt: null },
    events: [{ event: 'paused' }],
  };
}

export function resumeClock(state: ClockState, now: Date): Transition {
  if (state.stoppedAt || state.resumedAt) return { state, events: [] };
  const status = state.status === 'breached' ? 'breached' : 'running';
  return { state: { ...state, status, resumedAt: now }, events: [{ event: 'resumed' }] };
}

/** Stops the clock: met unless it had breached; `cancelled` when the record went away. */
export function stopClock(
  state: ClockState,
  now: Date,
  calendar: ClockCalendar,
  cancelled = false,
): Transition {
  if (state.stoppedAt) return { state, events: [] };
  const elapsedMs = elapsedAt(state, now, calendar);
  const status = cancelled ? 'cancelled' : state.status === 'breached' ? 'breached' : 'met';
  const next = { ...state, status, elapsedMs, resumedAt: null, stoppedAt: now } satisfies ClockState;
  return { state: next, events: status === 'breached' ? [] : [{ event: status }] };
}

/** A new target (priority changed, field report): elapsed time and fired events are kept. */
export function retargetClock(
  state: ClockState,
  targetMs: number,
  data: Record<string, unknown>,
): Transition {
  if (state.stoppedAt || targetMs === state.targetMs) return { state, events: [] };
  return {
    state: { ...state, targetMs },
    events: [{ event: 'retargeted', data: { ...data, fromTargetMs: state.targetMs, toTargetMs: targetMs } }],
  };
}
