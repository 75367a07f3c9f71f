import { parseIsoDateTime } from './iso-date-time.js';
import {
  addDuration,
  approximateMilliseconds,
  fixedMilliseconds,
  hasCalendarPart,
  multiplyDuration,
  parseIsoDuration,
  type IsoDuration,
} from './iso-duration.js';

/** An ISO-8601 repeating interval: `R5/PT10S`, `R/PT1H` (infinite), `R3/2026-01-01T09:00:00Z/P1D`. */
export interface RepeatingInterval {
  /** Undefined: repeats forever. */
  repetitions?: number;
  /** When given, occurrences are `start + k × interval` (the first at `start`). */
  start?: Date;
  interval: IsoDuration;
}

/** Parses a repeating interval, or returns a message saying what is wrong with it. */
export function parseRepeatingInterval(text: string): RepeatingInterval | string {
  const parts = text.trim().split('/');
  const count = /^R(\d*)$/i.exec(parts[0] ?? '');
  if (!count || parts.length < 2 || parts.length > 3) {
    return `invalid cycle "${text}": expected R<n>/<duration> or R<n>/<start>/<duration>, e.g. R5/PT10S`;
  }
  const repetitions = count[1] === '' ? undefined : Number(count[1]);
  if (repetitions === 0) return `invalid cycle "${text}": it must repeat at least once`;
  const startText = parts.length === 3 ? parts[1] : undefined;
  const durationText = parts[parts.length - 1] ?? '';
  const start = startText === undefined ? undefined : parseIsoDateTime(startText);
  if (startText !== undefined && !start) {
    return parseIsoDuration(startText)
      ? `invalid cycle "${text}": an end date instead of a start date is not supported`
      : `invalid cycle "${text}": "${startText}" is not an ISO 8601 date-time`;
  }
  const interval = parseIsoDuration(durationText);
  if (!interval) return `invalid cycle "${text}": "${durationText}" is not an ISO 8601 duration`;
  if (approximateMilliseconds(interval) <= 0) return `invalid cycle "${text}": the interval must not be zero`;
  return { repetitions, start, interval };
}

/**
 * The first occurrence `anchor + k × interval` (k ≥ 0) at or after `target`, with its index k.
 * Multiplying from the anchor keeps month ends stable (Jan 31, Feb 28, Mar 31).
 */
export function firstOccurrenceAtOrAfter(
  anchor: Date,
  interval: IsoDuration,
  target: Date,
): { index: number; at: Date } {
  const gap = target.getTime() - anchor.getTime();
  if (gap <= 0) return { index: 0, at: anchor };
  let index = hasCalendarPart(interval)
    ? Math.max(0, Math.floor(gap / approximateMilliseconds(interval)) - 2)
    : Math.ceil(gap / fixedMilliseconds(interval));
  let at = occurrence(anchor, interval, index);
  while (at.getTime() < target.getTime()) {
    index += 1;
    at = occurrence(anchor, interval, index);
  }
  return { index, at };
}

export function occurrence(anchor: Date, interval: IsoDuration, index: number): Date {
  return addDuration(anchor, multiplyDuration(interval, index));
}
