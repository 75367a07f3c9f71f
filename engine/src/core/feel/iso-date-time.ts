import { daysInMonth } from './iso-duration.js';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Parses an ISO-8601 date-time (`2026-01-01T09:00:00Z`, `…+01:00`, with optional fractional
 * seconds). A date-time without an offset, and a bare date (midnight), are read as UTC: the engine
 * never depends on the server's time zone.
 */
export function parseIsoDateTime(text: string): Date | undefined {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset = 'Z'] = match;
  const y = Number(year);
  const m = Number(month) - 1;
  const d = Number(day);
  const [h, min, s] = [Number(hour), Number(minute), Number(second)];
  const offsetMinutes = parseOffset(offset);
  if (m < 0 || m > 11 || d < 1 || d > daysInMonth(y, m) || h > 23 || min > 59 || s > 59) return undefined;
  if (offsetMinutes === undefined) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(y, m, d);
  date.setUTCHours(h, min, s, Number(fraction.padEnd(3, '0').slice(0, 3)));
  return new Date(date.getTime() - offsetMinutes * 60_000);
}

function parseOffset(offset: string): number | undefined {
  if (offset.toUpperCase() === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 18 || minutes > 59) return undefined;
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
