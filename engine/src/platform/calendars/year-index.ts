import { DateTime } from 'luxon';
import { intervalMinutes, minutesOf, weekdays, type CalendarContent } from './calendar-content.js';
import { publicHolidays } from './public-holidays.js';

/**
 * One local year of a calendar, precomputed in UTC: the working intervals in order, the business
 * milliseconds before each, and the working days (the intervals that start on each local date).
 */
export interface YearIndex {
  year: number;
  /** The UTC instant of local midnight on 1 January. */
  startsAt: number;
  starts: Float64Array;
  ends: Float64Array;
  /** Business milliseconds of the year before interval i. */
  before: Float64Array;
  total: number;
  /** Per working day: its first interval's index (`dayFirst`) and its business milliseconds. */
  dayFirst: Int32Array;
  dayLength: Float64Array;
}

interface DayPattern {
  fromMinutes: number;
  minutes: number;
}

/** What a local date holds: its holiday name, if any, and its working intervals. */
export interface LocalDay {
  date: string;
  holiday?: string;
  intervals: DayPattern[];
}

export function weeklyPattern(content: CalendarContent): DayPattern[][] {
  return weekdays.map((day) =>
    (content.week[day] ?? [])
      .map((interval) => {
        const from = minutesOf(interval.from) ?? 0;
        return { fromMinutes: from, minutes: intervalMinutes(from, minutesOf(interval.to) ?? 0) };
      })
      .sort((a, b) => a.fromMinutes - b.fromMinutes),
  );
}

export function holidaysOf(content: CalendarContent, year: number): Map<string, string> {
  const days = content.holidays
    ? new Map(publicHolidays(content.holidays.country, content.holidays.region, year))
    : new Map<string, string>();
  for (const local of content.localHolidays ?? []) {
    if (local.date.startsWith(`${year}-`)) days.set(local.date, local.name);
  }
  return days;
}

/** The days of one local year, 1 January to 31 December. */
export function localDays(pattern: DayPattern[][], holidays: Map<string, string>, year: number): LocalDay[] {
  const days: LocalDay[] = [];
  for (let date = DateTime.utc(year, 1, 1); date.year === year; date = date.plus({ days: 1 })) {
    const iso = date.toISODate() ?? '';
    const holiday = holidays.get(iso);
    days.push(
      holiday === undefined
        ? { date: iso, intervals: pattern[date.weekday - 1] ?? [] }
        : { date: iso, holiday, intervals: [] },
    );
  }
  return days;
}

export function buildYearIndex(content: CalendarContent, zone: string, year: number): YearIndex {
  const days = localDays(weeklyPattern(content), holidaysOf(content, year), year);
  const starts: number[] = [];
  const ends: number[] = [];
  const dayFirst: number[] = [];
  const dayLength: number[] = [];
  for (const day of days) {
    if (day.intervals.length === 0) continue;
    const midnight = DateTime.fromISO(day.date, { zone });
    let length = 0;
    const first = starts.length;
    for (const interval of day.intervals) {
      const start = wallClock(midnight, interval.fromMinutes);
      const end = wallClock(midnight, interval.fromMinutes + interval.minutes);
      if (end <= start) continue;
      starts.push(start);
      ends.push(end);
      length += end - start;
    }
    if (length === 0) continue;
    dayFirst.push(first);
    dayLength.push(length);
  }
  const before = new Float64Array(starts.length);
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    before[i] = total;
    total += (ends[i] ?? 0) - (starts[i] ?? 0);
  }
  return {
    year,
    startsAt: DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).toMillis(),
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    before,
    total,
    dayFirst: Int32Array.from(dayFirst),
    dayLength: Float64Array.from(dayLength),
  };
}

/** The UTC instant of a local wall-clock time `minutes` after a local midnight (DST-aware). */
function wallClock(midnight: DateTime, minutes: number): number {
  const dayShift = Math.floor(minutes / 1440);
  const rest = minutes - dayShift * 1440;
  const base = dayShift === 0 ? midnight : midnight.plus({ days: dayShift });
  if (rest === 0) return base.toMillis();
  return base.set({ hour: Math.floor(rest / 60), minute: rest % 60 }).toMillis();
}
