import { describe, expect, it } from 'vitest';
import { calendarKind } from './calendar-kind.js';
import { calendarOf } from '../../../test/calendar-fixtures.js';

describe('calendar validation', () => {
  it('accepts a split day, a night shift and Catalan holidays', () => {
    const content = calendarOf([{ from: '08:00', to: '15:00' }], {
      holidays: { country: 'ES', region: 'CT' },
    });
    content.week.sat = [{ from: '22:00', to: '06:00' }];
    content.week.mon = [
      { from: '08:00', to: '15:00' },
      { from: '16:00', to: '24:00' },
    ];
    expect(calendarKind.validate(content)).toEqual([]);
  });

  it.each([
    [
      'overlapping intervals on one day',
      calendarOf(
        [
          { from: '08:00', to: '15:00' },
          { from: '14:00', to: '18:00' },
        ],
        { days: ['mon'] },
      ),
      [{ path: '/week/mon/1', message: 'overlaps /week/mon/0' }],
    ],
    [
      'a night shift overlapping the next morning',
      calendarOf([{ from: '05:00', to: '13:00' }], { days: ['tue'] }),
      [{ path: '/week/tue/0', message: 'overlaps /week/mon/0' }],
    ],
    [
      'an unknown time zone',
      calendarOf([{ from: '08:00', to: '15:00' }], { timeZone: 'Europe/Atlantis' }),
      [{ path: '/timeZone', message: '"Europe/Atlantis" is not a known IANA time zone' }],
    ],
    [
      'an unknown holiday region',
      calendarOf([{ from: '08:00', to: '15:00' }], { holidays: { country: 'ES', region: 'XX' } }),
      [{ path: '/holidays', message: 'unknown holiday country "ES" region "XX"' }],
    ],
    [
      'an impossible local holiday',
      calendarOf([{ from: '08:00', to: '15:00' }], { localHolidays: [{ date: '2026-02-30', name: 'No' }] }),
      [{ path: '/localHolidays/0/date', message: '"2026-02-30" is not a date' }],
    ],
    [
      'a week without working time',
      calendarOf([]),
      [{ path: '/week', message: 'has no working interval on any day' }],
    ],
  ])('refuses %s', (_name, content, problems) => {
    if (_name.startsWith('a night shift')) content.week.mon = [{ from: '22:00', to: '06:00' }];
    expect(calendarKind.validate(content)).toEqual(problems);
  });

  it('refuses a Sunday night shift that runs into Monday morning', () => {
    const content = calendarOf([{ from: '05:00', to: '13:00' }], { days: ['mon'] });
    content.week.sun = [{ from: '23:00', to: '07:00' }];
    expect(calendarKind.validate(content)).toEqual([
      { path: '/week/mon/0', message: 'overlaps /week/sun/0' },
    ]);
  });

  it.each([
    ['a malformed time', { week: { mon: [{ from: '25:00', to: '26:00' }] } }, '/week/mon/0/from'],
    ['a missing title', { title: undefined }, '/title'],
    ['an unknown field', { colour: 'red' }, '/colour'],
  ] as [string, { week?: object }, string][])('names the path of %s', (_name, change, path) => {
    const content = { ...calendarOf([{ from: '08:00', to: '15:00' }]), ...change } as Record<string, unknown>;
    if (change.week) content.week = { ...calendarOf([]).week, ...change.week };
    expect(calendarKind.validate(JSON.parse(JSON.stringify(content))).map((p) => p.path)).toContain(path);
  });
});
