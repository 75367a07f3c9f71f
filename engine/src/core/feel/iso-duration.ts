/** An ISO-8601 duration (`P1Y2M3W4DT5H6M7.5S`); only seconds may have a fraction. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

export function parseIsoDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds] = match;
  const int = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  return {
    years: int(years),
    months: int(months),
    weeks: int(weeks),
    days: int(days),
    hours: int(hours),
    minutes: int(minutes),
    seconds: seconds === undefined ? 0 : Number(seconds.replace(',', '.')),
  };
}

/**
 * Adds a duration in UTC, calendar-correct: years and months first (the day clamped to the end of
 * the target month, so Jan 31 + P1M is Feb 28 or 29), then weeks and days, then the time part.
 */
export function addDuration(from: Date, duration: IsoDuration): Date {
  const date = new Date(from.getTime());
  const monthShift = duration.years * 12 + duration.months;
  if (monthShift !== 0) {
    const totalMonths = date.getUTCMonth() + monthShift;
    const year = date.getUTCFullYear() + Math.floor(totalMonths / 12);
    const month = totalMonths % 12;
    date.setUTCFullYear(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
  }
  const dayShift = duration.weeks * 7 + duration.days;
  if (dayShift !== 0) date.setUTCDate(date.getUTCDate() + dayShift);
  const milliseconds = ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
  return new Date(date.getTime() + Math.round(milliseconds));
}

/** The duration repeated `times` times (every component multiplied). */
export function multiplyDuration(duration: IsoDuration, times: number): IsoDuration {
  return {
    years: duration.years * times,
    months: duration.months * times,
    weeks: duration.weeks * times,
    days: duration.days * times,
    hours: duration.hours * times,
    minutes: duration.minutes * times,
    seconds: duration.seconds * times,
  };
}

/** Whether the duration has a calendar part (years or months) whose length varies. */
export function hasCalendarPart(duration: IsoDuration): boolean {
  return duration.years > 0 || duration.months > 0;
}

/** Milliseconds of a duration without years or months (weeks and days count 24 hours in UTC). */
export function fixedMilliseconds(duration: IsoDuration): number {
  const days = duration.weeks * 7 + duration.days;
  return (((days * 24 + duration.hours) * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
}

/** An estimate of the length, good enough to start a search (a month counts 30.436875 days). */
export function approximateMilliseconds(duration: IsoDuration): number {
  const monthMs = 30.436875 * 24 * 3600 * 1000;
  return fixedMilliseconds(duration) + (duration.years * 12 + duration.months) * monthMs;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month; `monthIndex` counts from 0 like `Date`. */
export function daysInMonth(year: number, monthIndex: number): number {
  if (monthIndex === 1) return isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[monthIndex] ?? 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
