import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from './business-calendar.js';
import { parseBusinessDuration, type BusinessDuration } from './business-duration.js';
import { calendarOf } from '../../../test/calendar-fixtures.js';

const office = new BusinessCalendar(
  calendarOf([{ from: '08:00', to: '15:00' }], { holidays: { country: 'ES', region: 'CT' } }),
);
const split = new BusinessCalendar(
  calendarOf([
    { from: '08:00', to: '15:00' },
    { from: '16:00', to: '18:00' },
  ]),
);
const night = new BusinessCalendar(
  calendarOf([{ from: '22:00', to: '06:00' }], { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }),
);
const withLocal = new BusinessCalendar(
  calendarOf([{ from: '08:00', to: '15:00' }], {
    localHolidays: [{ date: '2026-05-11', name: 'Festa major' }],
  }),
);

function duration(text: string): BusinessDuration {
  const parsed = parseBusinessDuration(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

const hours = (h: number) => h * 3_600_000;

describe('BusinessCalendar.add', () => {
  it.each([
    ['within one interval', office, '2026-03-02T08:00:00Z', 'PT1H', '2026-03-02T09:00:00Z'],
    [
      'landing on the end of the day gives the end',
      office,
      '2026-03-02T07:00:00Z',
      'PT7H',
      '2026-03-02T14:00:00Z',
    ],
    ['before opening starts at opening', office, '2026-03-02T05:00:00Z', 'PT1H', '2026-03-02T08:00:00Z'],
    ['across the lunch break', split, '2026-03-02T13:00:00Z', 'PT2H', '2026-03-02T16:00:00Z'],
    [
      'across a weekend into summer time (DST, March)',
      office,
      '2026-03-27T09:00:00Z',
      'PT7H',
      '2026-03-30T08:00:00Z',
    ],
    [
      'across a weekend into winter time (DST, October)',
      office,
      '2026-10-23T12:00:00Z',
      'PT2H',
      '2026-10-26T08:00:00Z',
    ],
    [
      'a holiday on a Saturday changes nothing',
      office,
      '2026-08-14T12:30:00Z',
      'PT1H',
      '2026-08-17T06:30:00Z',
    ],
    [
      'a regional holiday on a Friday is skipped (Diada)',
      office,
      '2026-09-10T12:30:00Z',
      'PT1H',
      '2026-09-14T06:30:00Z',
    ],
    ['a local holiday is skipped', withLocal, '2026-05-08T12:30:00Z', 'PT1H', '2026-05-12T06:30:00Z'],
    ['across the year end and New Year', office, '2026-12-31T13:00:00Z', 'PT2H', '2027-01-04T08:00:00Z'],
    ['an interval across midnight', night, '2026-03-02T22:00:00Z', 'PT8H', '2026-03-03T22:00:00Z'],
    ['a night shift losing an hour to DST', night, '2026-03-28T21:00:00Z', 'PT8H', '2026-03-29T21:00:00Z'],
    ['a night shift gaining an hour from DST', night, '2026-10-24T20:00:00Z', 'PT9H', '2026-10-25T05:00:00Z'],
    ['zero keeps the instant', office, '2026-03-07T10:00:00Z', 'PT0S', '2026-03-07T10:00:00Z'],
    ['one working day keeps the time of day', office, '2026-03-03T09:00:00Z', 'P1D', '2026-03-04T09:00:00Z'],
    [
      'a working day from after closing ends the next working day',
      office,
      '2026-03-06T17:00:00Z',
      'P1D',
      '2026-03-09T14:00:00Z',
    ],
    ['working days skip a holiday', office, '2026-09-10T08:00:00Z', 'P2D', '2026-09-15T08:00:00Z'],
    ['days then hours', office, '2026-03-02T13:00:00Z', 'P1DT2H', '2026-03-04T08:00:00Z'],
  ])('%s', (_name, calendar, from, text, due) => {
    expect(calendar.add(new Date(from), duration(text)).toISOString()).toBe(new Date(due).toISOString());
  });

  it.each([
    ['PT10000H', office],
    ['PT5000H', night],
    ['P3000D', split],
  ])('a huge duration %s adds up exactly', (text, calendar) => {
    const from = new Date('2026-01-15T10:17:00Z');
    const due = calendar.add(from, duration(text));
    const parsed = duration(text);
    if (parsed.milliseconds > 0) expect(calendar.between(from, due)).toBe(parsed.milliseconds);
    else expect(due.getTime() - from.getTime()).toBeGreaterThan(parsed.days * 86_400_000);
  });
});

describe('BusinessCalendar.between', () => {
  it.each([
    ['over a DST weekend', office, '2026-03-27T09:00:00Z', '2026-03-30T08:00:00Z', hours(7)],
    ['a short spring night', night, '2026-03-28T21:00:00Z', '2026-03-29T04:00:00Z', hours(7)],
    ['a long autumn night', night, '2026-10-24T20:00:00Z', '2026-10-25T05:00:00Z', hours(9)],
    ['both outside working time', office, '2026-03-07T10:00:00Z', '2026-03-08T10:00:00Z', 0],
    ['over Christmas and New Year', office, '2026-12-24T07:00:00Z', '2027-01-05T07:00:00Z', hours(7 * 6)],
    ['reversed is negative', split, '2026-03-02T16:00:00Z', '2026-03-02T13:00:00Z', -hours(2)],
  ])('%s', (_name, calendar, from, to, expected) => {
    expect(calendar.between(new Date(from), new Date(to))).toBe(expected);
  });
});

describe('BusinessCalendar working time', () => {
  it.each([
    [office, '2026-03-02T09:00:00Z', true],
    [office, '2026-03-02T14:00:00Z', false],
    [office, '2026-03-07T09:00:00Z', false],
    [office, '2026-09-11T09:00:00Z', false],
    [night, '2026-03-29T03:30:00Z', true],
    [night, '2026-03-29T12:00:00Z', false],
  ])('%#: is %s working time', (calendar, at, expected) => {
    expect(calendar.isWorkingTime(new Date(at))).toBe(expected);
  });

  it.each([
    [office, '2026-03-07T09:00:00Z', '2026-03-09T07:00:00Z'],
    [office, '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z'],
    [office, '2026-12-31T15:00:00Z', '2027-01-04T07:00:00Z'],
    [night, '2026-03-29T12:00:00Z', '2026-03-29T20:00:00Z'],
  ])('%#: next working instant after %s', (calendar, at, expected) => {
    expect(calendar.nextWorkingInstant(new Date(at)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('lists days for the month view with holidays and intervals', () => {
    expect(office.days('2026-09-10', '2026-09-14')).toEqual([
      { date: '2026-09-10', working: true, intervals: [{ from: '08:00', to: '15:00' }] },
      { date: '2026-09-11', working: false, intervals: [], holiday: 'Diada de Catalunya' },
      { date: '2026-09-12', working: false, intervals: [] },
      { date: '2026-09-13', working: false, intervals: [] },
      { date: '2026-09-14', working: true, intervals: [{ from: '08:00', to: '15:00' }] },
    ]);
    expect(night.days('2026-12-31', '2027-01-01').map((d) => d.intervals)).toEqual([
      [{ from: '22:00', to: '06:00' }],
      [{ from: '22:00', to: '06:00' }],
    ]);
  });
});

describe('parseBusinessDuration', () => {
  it.each([
    ['PT8H', { days: 0, milliseconds: hours(8) }],
    ['P2DT30M', { days: 2, milliseconds: 1_800_000 }],
    ['PT0.5S', { days: 0, milliseconds: 500 }],
  ])('%s', (text, expected) => {
    expect(parseBusinessDuration(text)).toEqual(expected);
  });

  it.each([
    ['-PT1H', /negative/],
    ['PT', /not an ISO 8601 duration/],
    ['8 hours', /not an ISO 8601 duration/],
    ['P1M', /years, months or weeks/],
    ['P1W', /years, months or weeks/],
    ['P9999D', /longer than the limit/],
    [42, /must be an ISO 8601 duration string/],
  ])('refuses %s', (text, message) => {
    expect(parseBusinessDuration(text)).toMatch(message);
  });
});
