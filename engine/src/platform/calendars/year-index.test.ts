import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CalendarContent } from './calendar-content.js';
import { buildYearIndex, holidaysOf, localDays, weeklyPattern } from './year-index.js';

/** The index's working intervals as luxon computes them, one DateTime per interval: the oracle. */
function luxonIntervals(content: CalendarContent, zone: string, year: number): [number, number][] {
  const out: [number, number][] = [];
  const wall = (midnight: DateTime, minutes: number) => {
    const dayShift = Math.floor(minutes / 1440);
    const rest = minutes - dayShift * 1440;
    const base = dayShift === 0 ? midnight : midnight.plus({ days: dayShift });
    return rest === 0
      ? base.toMillis()
      : base.set({ hour: Math.floor(rest / 60), minute: rest % 60 }).toMillis();
  };
  for (const day of localDays(weeklyPattern(content), holidaysOf(content, year), year)) {
    const midnight = DateTime.fromISO(day.date, { zone });
    for (const interval of day.intervals) {
      const start = wall(midnight, interval.fromMinutes);
      const end = wall(midnight, interval.fromMinutes + interval.minutes);
      if (end > start) out.push([start, end]);
    }
  }
  return out;
}

const office: CalendarContent = {
  timeZone: 'Europe/Madrid',
  week: {
    mon: [
      { from: '08:00', to: '15:00' },
      { from: '16:00', to: '18:30' },
    ],
    tue: [{ from: '08:00', to: '15:00' }],
    wed: [{ from: '08:00', to: '15:00' }],
    thu: [{ from: '08:00', to: '15:00' }],
    fri: [{ from: '08:00', to: '14:00' }],
  },
  holidays: { country: 'ES', region: 'CT' },
} as CalendarContent;
/** Night shifts across midnight and through the hours that DST skips or repeats. */
const nights: CalendarContent = {
  timeZone: 'Europe/Madrid',
  week: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
      d,
      [
        { from: '01:30', to: '03:30' },
        { from: '22:00', to: '06:00' },
      ],
    ]),
  ),
} as CalendarContent;

describe('buildYearIndex', () => {
  it.each([
    ['office hours in Madrid', office, 'Europe/Madrid', 2026],
    ['night shifts in Madrid (DST gap and repeated hour)', nights, 'Europe/Madrid', 2026],
    ['night shifts in New York', nights, 'America/New_York', 2025],
    ['office hours in Lord Howe (30-minute DST)', office, 'Australia/Lord_Howe', 2026],
    ['office hours in UTC', office, 'UTC', 2024],
  ])('puts every interval where luxon does: %s', (_name, content, zone, year) => {
    const index = buildYearIndex(content, zone, year);
    const expected = luxonIntervals(content, zone, year);
    expect(index.starts.length).toBe(expected.length);
    expect([...index.starts]).toEqual(expected.map(([s]) => s));
    expect([...index.ends]).toEqual(expected.map(([, e]) => e));
    expect(index.total).toBe(expected.reduce((sum, [s, e]) => sum + e - s, 0));
  });
});
