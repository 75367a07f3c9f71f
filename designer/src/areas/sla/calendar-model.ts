import type { BusinessCalendar, Day } from '../../../../schemas/types/calendar';

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

export type WorkingInterval = Day[number];

/** A business calendar (contract C6, `schemas/calendar.schema.json`; the type is generated from it). */
export type Calendar = BusinessCalendar;

const office = (): WorkingInterval[] => [{ from: '08:00', to: '15:00' }];

export const newCalendar = (id: string): Calendar => ({
  id,
  title: { ca: id, es: id, en: id },
  timeZone: 'Europe/Madrid',
  week: { mon: office(), tue: office(), wed: office(), thu: office(), fri: office(), sat: [], sun: [] },
  holidays: { country: 'ES', region: 'CT' },
  localHolidays: [],
});

/** A new interval after the day's last one: an hour later, or 09:00–14:00 on an empty day. */
export function nextInterval(day: readonly WorkingInterval[]): WorkingInterval {
  const last = day[day.length - 1];
  if (!last) return { from: '09:00', to: '14:00' };
  const [hours = 0, minutes = 0] = last.to.split(':').map(Number);
  const start = Math.min(hours + 1, 23);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    from: `${pad(start)}:${pad(minutes)}`,
    to: `${pad(Math.min(start + 2, 24))}:${start + 2 >= 24 ? '00' : pad(minutes)}`,
  };
}

export function setDay(calendar: Calendar, day: Weekday, intervals: WorkingInterval[]): Calendar {
  return { ...calendar, week: { ...calendar.week, [day]: intervals } };
}

/** Copies one day's intervals to the other working days (Monday to Friday). */
export function copyToWeekdays(calendar: Calendar, from: Weekday): Calendar {
  const source = calendar.week[from];
  const week = { ...calendar.week };
  for (const day of weekdays.slice(0, 5)) week[day] = source.map((i) => ({ ...i }));
  return { ...calendar, week };
}

/** `YYYY-MM-DD` of a calendar date, with no time zone involved. */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The weeks of a month (Monday first) as rows of 7 dates, `null` outside the month. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: first }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day++) cells.push(isoDate(year, month, day));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function shiftMonth(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
