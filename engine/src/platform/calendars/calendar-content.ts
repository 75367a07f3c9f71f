export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

/** A working interval in local wall-clock time; `to` at or before `from` crosses midnight. */
export interface WorkingInterval {
  from: string;
  to: string;
}

/** A business calendar definition (contract C6, `schemas/calendar.schema.json`). */
export interface CalendarContent {
  id: string;
  title: { ca: string; es: string; en: string };
  timeZone?: string;
  week: Record<Weekday, WorkingInterval[]>;
  holidays?: { country: string; region?: string } | null;
  localHolidays?: { date: string; name: string }[];
}

export const defaultTimeZone = 'Europe/Madrid';

/** Minutes since midnight of an `HH:mm` time (`24:00` allowed), or undefined when malformed. */
export function minutesOf(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return undefined;
  return hours * 60 + minutes;
}

/** An interval's length in minutes: crossing midnight when `to` is at or before `from`. */
export function intervalMinutes(fromMinutes: number, toMinutes: number): number {
  return toMinutes > fromMinutes ? toMinutes - fromMinutes : toMinutes + 1440 - fromMinutes;
}
