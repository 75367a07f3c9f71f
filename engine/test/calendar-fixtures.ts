import {
  weekdays,
  type CalendarContent,
  type WorkingInterval,
} from '../src/platform/calendars/calendar-content.js';

const title = { ca: 'Calendari', es: 'Calendario', en: 'Calendar' };

/** A calendar with the same intervals on the given weekdays (Monday to Friday by default). */
export function calendarOf(
  intervals: WorkingInterval[],
  options: Partial<CalendarContent> & { days?: readonly string[] } = {},
): CalendarContent {
  const { days = weekdays.slice(0, 5), ...rest } = options;
  const week = Object.fromEntries(
    weekdays.map((d) => [d, days.includes(d) ? intervals : []]),
  ) as CalendarContent['week'];
  return { id: 'test', title, timeZone: 'Europe/Madrid', week, holidays: null, ...rest };
}
