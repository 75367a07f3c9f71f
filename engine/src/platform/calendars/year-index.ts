import { DateTime, IANAZone } from 'luxon';
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

const dayMs = 86_400_000;
const minuteMs = 60_000;

/** The days of one local year, 1 January to 31 December. */
export function localDays(pattern: DayPattern[][], holidays: Map<string, string>, year: number): LocalDay[] {
  const days: LocalDay[] = [];
  for (let day = Date.UTC(year, 0, 1); new Date(day).getUTCFullYear() === year; day += dayMs) {
    const iso = new Date(day).toISOString().slice(0, 10);
    const holiday = holidays.get(iso);
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    days.push(
      holiday === undefined
        ? { date: iso, intervals: pattern[weekday] ?? [] }
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
  const clock = new WallClock(zone);
  for (const day of days) {
    if (day.intervals.length === 0) continue;
    const midnight = clock.midnight(Date.parse(`${day.date}T00:00:00Z`));
    let length = 0;
    const first = starts.length;
    for (const interval of day.intervals) {
      const start = clock.at(midnight, interval.fromMinutes);
      const end = clock.at(midnight, interval.fromMinutes + interval.minutes);
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

interface Instant {
  /** The local wall-clock time written as if it were UTC. */
  local: number;
  ts: number;
  /** Its offset from UTC in minutes. */
  offset: number;
}

/**
 * Local wall-clock times to UTC instants in one zone (DST-aware), as luxon's `DateTime.set` and
 * `plus({ days })` resolve them (the same first guess and correction, so gaps and repeated hours
 * fall where luxon puts them), without building a DateTime per interval: a year's index takes
 * milliseconds instead of a second.
 */
class WallClock {
  private readonly zone: IANAZone;

  constructor(zone: string) {
    this.zone = IANAZone.create(zone);
  }

  /** Local midnight of a date (given as UTC midnight of the same date). */
  midnight(localDay: number): Instant {
    return this.resolve(localDay, this.zone.offset(localDay));
  }

  /** The UTC instant `minutes` after a local midnight (past 24 h: on the following days). */
  at(midnight: Instant, minutes: number): number {
    const dayShift = Math.floor(minutes / 1440);
    const rest = minutes - dayShift * 1440;
    const base = dayShift === 0 ? midnight : this.resolve(midnight.local + dayShift * dayMs, midnight.offset);
    if (rest === 0) return base.ts;
    return this.resolve(base.local + rest * minuteMs, base.offset).ts;
  }

  /** luxon's fixOffset: a local time and a guessed offset to the instant and its offset. */
  private resolve(local: number, guess: number): Instant {
    let ts = local - guess * minuteMs;
    const o2 = this.zone.offset(ts);
    if (guess === o2) return { local, ts, offset: guess };
    ts -= (o2 - guess) * minuteMs;
    const o3 = this.zone.offset(ts);
    if (o2 === o3) return { local, ts, offset: o2 };
    return { local, ts: local - Math.min(o2, o3) * minuteMs, offset: Math.max(o2, o3) };
  }
}
