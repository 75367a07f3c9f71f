import { DateTime } from 'luxon';
import type { BusinessDuration } from './business-duration.js';
import { defaultTimeZone, type CalendarContent } from './calendar-content.js';
import { buildYearIndex, holidaysOf, localDays, weeklyPattern, type YearIndex } from './year-index.js';

/** How far ahead a search for working time goes before it gives up. */
export const searchHorizonYears = 12;

export class NoWorkingTimeError extends Error {
  constructor(calendarId: string) {
    super(`the calendar "${calendarId}" has no working time within ${searchHorizonYears} years`);
    this.name = 'NoWorkingTimeError';
  }
}

export interface CalendarDay {
  date: string;
  working: boolean;
  intervals: { from: string; to: string }[];
  holiday?: string;
}

/**
 * Business-time arithmetic on one calendar. Pure: working intervals of each local year are
 * computed once in UTC (DST-aware) with the business milliseconds before each, so additions and
 * differences are binary searches, and long durations skip whole years by their totals.
 * An interval belongs to the day it starts on: a holiday removes the intervals starting that day.
 */
export class BusinessCalendar {
  readonly id: string;
  readonly timeZone: string;
  private readonly content: CalendarContent;
  private readonly years = new Map<number, YearIndex>();
  private lastYear = { year: 0, from: 1, to: 0 };

  constructor(content: CalendarContent) {
    this.content = content;
    this.id = content.id;
    this.timeZone = content.timeZone ?? defaultTimeZone;
  }

  /** `from` plus a business duration: working days first (keeping the offset within the day), then working time. */
  add(from: Date, duration: BusinessDuration): Date {
    let at = from.getTime();
    if (duration.days > 0) at = this.addDays(at, duration.days);
    if (duration.milliseconds > 0) at = this.addMilliseconds(at, duration.milliseconds);
    return new Date(at);
  }

  /** The average working day of the week in milliseconds: what one `D` of an SLA target counts. */
  workingDayMilliseconds(): number {
    const days = weeklyPattern(this.content).filter((d) => d.length > 0);
    const minutes = days.reduce((sum, d) => sum + d.reduce((s, i) => s + i.minutes, 0), 0);
    return days.length === 0 ? 0 : Math.round((minutes / days.length) * 60_000);
  }

  /** `from` plus working milliseconds; landing on the end of an interval gives that end. */
  addMilliseconds(from: number, milliseconds: number): number {
    if (milliseconds <= 0) return from;
    let rest = milliseconds;
    const first = this.yearOf(from) - 1;
    for (let year = first; year <= first + searchHorizonYears; year++) {
      const index = this.year(year);
      const position = positionIn(index, from);
      if (index.total - position >= rest) return instantAt(index, position + rest);
      rest -= index.total - position;
    }
    throw new NoWorkingTimeError(this.id);
  }

  /** Working milliseconds between two instants; negative when `to` is before `from`. */
  between(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b < a) return -this.between(to, from);
    let total = 0;
    for (let year = this.yearOf(a) - 1; year <= this.yearOf(b); year++) {
      const index = this.year(year);
      total += positionIn(index, b) - positionIn(index, a);
    }
    return total;
  }

  isWorkingTime(at: Date): boolean {
    const t = at.getTime();
    const year = this.yearOf(t);
    return [year - 1, year].some((y) => {
      const index = this.year(y);
      const i = lastStartAtOrBefore(index, t);
      return i >= 0 && t < (index.ends[i] ?? 0);
    });
  }

  /** `at` itself during working time, else the start of the next working interval. */
  nextWorkingInstant(at: Date): Date {
    if (this.isWorkingTime(at)) return at;
    const t = at.getTime();
    const first = this.yearOf(t);
    for (let year = first; year <= first + searchHorizonYears; year++) {
      const index = this.year(year);
      const next = lastStartAtOrBefore(index, t) + 1;
      if (next < index.starts.length) return new Date(index.starts[next] ?? 0);
    }
    throw new NoWorkingTimeError(this.id);
  }

  /** The local days from `from` to `to` (`YYYY-MM-DD`, inclusive) with their hours and holidays. */
  days(from: string, to: string): CalendarDay[] {
    const pattern = weeklyPattern(this.content);
    const result: CalendarDay[] = [];
    const lastYear = Number(to.slice(0, 4));
    for (let year = Number(from.slice(0, 4)); year <= lastYear; year++) {
      for (const day of localDays(pattern, holidaysOf(this.content, year), year)) {
        if (day.date < from || day.date > to) continue;
        const intervals = day.intervals.map((i) => ({
          from: clock(i.fromMinutes),
          to: clock(i.fromMinutes + i.minutes),
        }));
        result.push({
          date: day.date,
          working: intervals.length > 0,
          intervals,
          ...(day.holiday ? { holiday: day.holiday } : {}),
        });
      }
    }
    return result;
  }

  private addDays(from: number, days: number): number {
    let year = this.yearOf(from);
    let index = this.year(year);
    let day = lastDayStartedBy(index, from);
    for (let back = 0; day < 0 && back < 2; back++) {
      year -= 1;
      index = this.year(year);
      day = lastDayStartedBy(index, from);
    }
    const offset =
      day < 0 ? 0 : Math.min(positionIn(index, from) - dayStart(index, day), index.dayLength[day] ?? 0);
    let target = day + days;
    const horizon = year + searchHorizonYears;
    while (target >= index.dayFirst.length) {
      target -= index.dayFirst.length;
      year += 1;
      if (year > horizon) throw new NoWorkingTimeError(this.id);
      index = this.year(year);
    }
    if (offset === 0) return index.starts[index.dayFirst[target] ?? 0] ?? 0;
    return instantAt(index, dayStart(index, target) + Math.min(offset, index.dayLength[target] ?? 0));
  }

  private yearOf(t: number): number {
    const last = this.lastYear;
    if (t >= last.from && t < last.to) return last.year;
    const utc = new Date(t).getUTCFullYear();
    const year = t < this.year(utc).startsAt ? utc - 1 : t >= this.year(utc + 1).startsAt ? utc + 1 : utc;
    this.lastYear = { year, from: this.year(year).startsAt, to: this.year(year + 1).startsAt };
    return year;
  }

  private year(year: number): YearIndex {
    let index = this.years.get(year);
    if (!index) {
      index = buildYearIndex(this.content, this.timeZone, year);
      this.years.set(year, index);
    }
    return index;
  }
}

function clock(minutes: number): string {
  const m = minutes % 1440 === 0 && minutes > 0 ? 1440 : minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

function lastStartAtOrBefore(index: YearIndex, t: number): number {
  let low = 0;
  let high = index.starts.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((index.starts[mid] ?? 0) <= t) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Business milliseconds of the year before `t` (0 before its first interval, the total after its last). */
function positionIn(index: YearIndex, t: number): number {
  const i = lastStartAtOrBefore(index, t);
  if (i < 0) return 0;
  const start = index.starts[i] ?? 0;
  return (index.before[i] ?? 0) + Math.min(t, index.ends[i] ?? 0) - start;
}

/** The instant at a business position of the year: the first interval whose end reaches it. */
function instantAt(index: YearIndex, position: number): number {
  let low = 0;
  let high = index.starts.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    const end = (index.before[mid] ?? 0) + (index.ends[mid] ?? 0) - (index.starts[mid] ?? 0);
    if (end >= position) high = mid;
    else low = mid + 1;
  }
  return (index.starts[low] ?? 0) + position - (index.before[low] ?? 0);
}

function dayStart(index: YearIndex, day: number): number {
  return index.before[index.dayFirst[day] ?? 0] ?? 0;
}

/** The last working day whose first interval starts at or before `t`, or -1. */
function lastDayStartedBy(index: YearIndex, t: number): number {
  let low = 0;
  let high = index.dayFirst.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((index.starts[index.dayFirst[mid] ?? 0] ?? 0) <= t) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export function localDate(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
}
