import { nextCronOccurrence, parseCron, type CronSchedule } from './cron.js';
import { parseIsoDateTime } from './iso-date-time.js';
import { addDuration, parseIsoDuration } from './iso-duration.js';
import {
  firstOccurrenceAtOrAfter,
  occurrence,
  parseRepeatingInterval,
  type RepeatingInterval,
} from './repeating-interval.js';

export type TimerKind = 'duration' | 'date' | 'cycle';

/**
 * When a timer is due. `repetitionsLeft`: how many more times it fires after `due` (0 for a
 * duration or a date; undefined for a cycle that repeats forever, such as `R/PT1H` or a cron).
 */
export type TimerDue = { ok: true; due: Date; repetitionsLeft?: number } | { ok: false; message: string };

type ParsedTimer =
  | { kind: 'once'; due: (now: Date) => Date }
  | { kind: 'interval'; cycle: RepeatingInterval }
  | { kind: 'cron'; schedule: CronSchedule };

/** Why a static timer value is invalid, or undefined when it is fine. */
export function timerValueError(kind: TimerKind, value: string): string | undefined {
  const parsed = parseTimer(kind, value);
  if (typeof parsed === 'string') return parsed;
  if (parsed.kind === 'cron' && !nextCronOccurrence(parsed.schedule, new Date(Date.UTC(2000, 0, 1)))) {
    return `the cron expression "${value}" never fires`;
  }
  return undefined;
}

/**
 * When the timer is next due. Pure: `now` is passed in. Without `previousDue` this is the first
 * firing: a duration counts from now, a date is absolute (no offset = UTC), an unanchored cycle
 * fires one interval from now, an anchored one at its first occurrence at or after now, a cron at
 * its next match (UTC). With `previousDue` (the cycle just fired at that time) it is the next
 * occurrence after it; occurrences missed while the engine was away are not replayed one by one:
 * the next due is the first occurrence at or after `now` (for a finite cycle, the skipped ones
 * count as used, and the last one is kept so the cycle still ends by firing). For an unanchored
 * finite cycle (`R5/PT10S`) the count cannot be derived from the dates, so pass the
 * `repetitionsLeft` returned for `previousDue`.
 */
export function nextTimerDue(
  kind: TimerKind,
  value: string,
  now: Date,
  previousDue?: Date,
  previousRepetitionsLeft?: number,
): TimerDue {
  const parsed = parseTimer(kind, value);
  if (typeof parsed === 'string') return { ok: false, message: parsed };
  if (parsed.kind === 'once') {
    if (previousDue) return { ok: false, message: `a timer ${kind} does not repeat` };
    return { ok: true, due: parsed.due(now), repetitionsLeft: 0 };
  }
  if (parsed.kind === 'cron') {
    const after = previousDue ? new Date(Math.max(previousDue.getTime(), now.getTime() - 1)) : now;
    const due = nextCronOccurrence(parsed.schedule, after);
    return due ? { ok: true, due } : { ok: false, message: `the cron expression "${value}" never fires` };
  }
  return parsed.cycle.start
    ? nextAnchored(parsed.cycle, parsed.cycle.start, now, previousDue)
    : nextUnanchored(parsed.cycle, now, previousDue, previousRepetitionsLeft);
}

function nextAnchored(cycle: RepeatingInterval, start: Date, now: Date, previousDue?: Date): TimerDue {
  const target = previousDue ? new Date(Math.max(now.getTime(), previousDue.getTime() + 1)) : now;
  const { index, at } = firstOccurrenceAtOrAfter(start, cycle.interval, target);
  if (cycle.repetitions === undefined) return { ok: true, due: at };
  if (index < cycle.repetitions) return { ok: true, due: at, repetitionsLeft: cycle.repetitions - 1 - index };
  const last = occurrence(start, cycle.interval, cycle.repetitions - 1);
  if (previousDue && last.getTime() > previousDue.getTime())
    return { ok: true, due: last, repetitionsLeft: 0 };
  return { ok: false, message: `the timer cycle ended on ${last.toISOString()}` };
}

function nextUnanchored(
  cycle: RepeatingInterval,
  now: Date,
  previousDue?: Date,
  previousRepetitionsLeft?: number,
): TimerDue {
  const total = cycle.repetitions;
  if (!previousDue) {
    return {
      ok: true,
      due: addDuration(now, cycle.interval),
      repetitionsLeft: total === undefined ? undefined : total - 1,
    };
  }
  const target = new Date(Math.max(now.getTime(), previousDue.getTime() + 1));
  const { index, at } = firstOccurrenceAtOrAfter(previousDue, cycle.interval, target);
  if (total === undefined) return { ok: true, due: at };
  if (previousRepetitionsLeft === undefined) {
    return { ok: false, message: 'pass the repetitions left after the previous firing of a finite cycle' };
  }
  if (previousRepetitionsLeft <= 0) return { ok: false, message: 'the timer cycle has no repetitions left' };
  const steps = Math.min(index, previousRepetitionsLeft);
  return {
    ok: true,
    due: occurrence(previousDue, cycle.interval, steps),
    repetitionsLeft: previousRepetitionsLeft - steps,
  };
}

function parseTimer(kind: TimerKind, value: string): ParsedTimer | string {
  const text = value.trim();
  if (text === '') return `the timer ${kind} is empty`;
  if (kind === 'duration') {
    const duration = parseIsoDuration(text);
    if (!duration) return `invalid duration "${value}": expected ISO 8601 such as PT15M, P1DT2H or P2W`;
    return { kind: 'once', due: (now) => addDuration(now, duration) };
  }
  if (kind === 'date') {
    const date = parseIsoDateTime(text);
    if (!date) return `invalid date "${value}": expected an ISO 8601 date-time such as 2026-01-01T09:00:00Z`;
    return { kind: 'once', due: () => date };
  }
  if (/^R/i.test(text)) {
    const cycle = parseRepeatingInterval(text);
    return typeof cycle === 'string' ? cycle : { kind: 'interval', cycle };
  }
  const schedule = parseCron(text);
  if (typeof schedule === 'string') return `invalid cycle "${value}": ${schedule}`;
  return { kind: 'cron', schedule };
}
