import { describe, expect, it } from 'vitest';
import {
  copyToWeekdays,
  daysInMonth,
  monthGrid,
  newCalendar,
  nextInterval,
  setDay,
  shiftMonth,
} from './calendar-model';

describe('the calendar editor model', () => {
  it.each([
    [[], { from: '09:00', to: '14:00' }],
    [[{ from: '08:00', to: '14:30' }], { from: '15:30', to: '17:30' }],
    [[{ from: '20:00', to: '22:00' }], { from: '23:00', to: '24:00' }],
  ])('after %j the next interval is %j', (day, expected) => {
    expect(nextInterval(day)).toEqual(expected);
  });

  it('sets one day and copies a day to Monday–Friday, leaving the weekend', () => {
    const calendar = setDay(newCalendar('office'), 'mon', [
      { from: '08:00', to: '14:00' },
      { from: '15:00', to: '18:00' },
    ]);
    const copied = copyToWeekdays(calendar, 'mon');
    expect(copied.week.fri).toEqual(calendar.week.mon);
    expect(copied.week.sat).toEqual([]);
    expect(copied.week.fri).not.toBe(calendar.week.mon);
  });

  it.each([
    [2026, 2, 28],
    [2028, 2, 29],
    [2026, 12, 31],
    [2026, 4, 30],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('lays a month out in Monday-first weeks', () => {
    // 1 September 2026 is a Tuesday; 30 September a Wednesday.
    const weeks = monthGrid(2026, 9);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([
      null,
      '2026-09-01',
      '2026-09-02',
      '2026-09-03',
      '2026-09-04',
      '2026-09-05',
      '2026-09-06',
    ]);
    expect(weeks[4]).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', null, null, null, null]);
    // February 2027 starts on a Monday and fills exactly four weeks.
    expect(monthGrid(2027, 2)).toHaveLength(4);
    expect(monthGrid(2027, 2)[0]?.[0]).toBe('2027-02-01');
  });

  it.each([
    [2026, 12, 1, { year: 2027, month: 1 }],
    [2026, 1, -1, { year: 2025, month: 12 }],
    [2026, 5, 0, { year: 2026, month: 5 }],
    [2026, 5, 14, { year: 2027, month: 7 }],
  ])('%i-%i shifted by %i is %j', (year, month, by, expected) => {
    expect(shiftMonth(year, month, by)).toEqual(expected);
  });
});
