import { DateTime, IANAZone } from 'luxon';
import { intervalMinutes, minutesOf, weekdays, type CalendarContent } from './calendar-content.js';
import { isKnownHolidayRegion } from './public-holidays.js';

export interface CalendarProblem {
  path: string;
  message: string;
}

const weekMinutes = 7 * 1440;

/**
 * What a schema cannot say about a calendar: an unknown time zone or holiday region, a malformed
 * or impossible time, intervals that overlap (also across midnight and from Sunday into Monday),
 * an impossible local holiday date, a week with no working time.
 */
export function calendarProblems(content: CalendarContent): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (content.timeZone !== undefined && !IANAZone.isValidZone(content.timeZone)) {
    problems.push({ path: '/timeZone', message: `"${content.timeZone}" is not a known IANA time zone` });
  }
  if (content.holidays && !isKnownHolidayRegion(content.holidays.country, content.holidays.region)) {
    const region = content.holidays.region ? ` region "${content.holidays.region}"` : '';
    problems.push({
      path: '/holidays',
      message: `unknown holiday country "${content.holidays.country}"${region}`,
    });
  }
  problems.push(...weekProblems(content));
  (content.localHolidays ?? []).forEach((holiday, i) => {
    if (!DateTime.fromISO(holiday.date, { zone: 'utc' }).isValid) {
      problems.push({ path: `/localHolidays/${i}/date`, message: `"${holiday.date}" is not a date` });
    }
  });
  return problems;
}

function weekProblems(content: CalendarContent): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const spans: { start: number; end: number; path: string }[] = [];
  weekdays.forEach((day, d) => {
    content.week[day].forEach((interval, i) => {
      const path = `/week/${day}/${i}`;
      const from = minutesOf(interval.from);
      const to = minutesOf(interval.to);
      if (from === undefined || from === 1440)
        problems.push({ path: `${path}/from`, message: 'must be a time from 00:00 to 23:59' });
      if (to === undefined)
        problems.push({ path: `${path}/to`, message: 'must be a time from 00:00 to 24:00' });
      if (from === undefined || to === undefined || from === 1440) return;
      const start = d * 1440 + from;
      spans.push({ start, end: start + intervalMinutes(from, to), path });
    });
  });
  if (problems.length > 0) return problems;
  if (spans.length === 0) problems.push({ path: '/week', message: 'has no working interval on any day' });
  const wrapped = spans.flatMap((s) =>
    s.end > weekMinutes ? [s, { ...s, start: s.start - weekMinutes, end: s.end - weekMinutes }] : [s],
  );
  wrapped.sort((a, b) => a.start - b.start);
  const reported = new Set<string>();
  for (let i = 1; i < wrapped.length; i++) {
    const previous = wrapped[i - 1];
    const current = wrapped[i];
    if (!previous || !current || current.start >= previous.end || previous.path === current.path) continue;
    const path = current.path;
    if (reported.has(path)) continue;
    reported.add(path);
    problems.push({ path, message: `overlaps ${previous.path}` });
  }
  return problems;
}
