import { describe, expect, it } from 'vitest';
import { addDuration, daysInMonth, parseIsoDuration } from './iso-duration.js';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['PT15M', { minutes: 15 }],
    ['P1DT2H', { days: 1, hours: 2 }],
    ['P2W', { weeks: 2 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT0.5S', { seconds: 0.5 }],
    ['PT1,25S', { seconds: 1.25 }],
    ['pt10s', { seconds: 10 }],
    ['PT0S', {}],
  ])('reads %s', (text, parts) => {
    // given an ISO duration / when parsed / then its parts
    expect(parseIsoDuration(text)).toEqual({ ...zero, ...parts });
  });

  it.each(['', 'P', 'PT', 'PT5', '15M', 'P1.5D', 'PT1H30', '-PT5M', 'P1DT', 'R5/PT10S', 'P1M1Y'])(
    'refuses %j',
    (text) => {
      expect(parseIsoDuration(text)).toBeUndefined();
    },
  );
});

describe('addDuration', () => {
  it.each([
    ['2026-01-31T10:00:00Z', 'P1M', '2026-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00Z', 'P1M', '2024-02-29T10:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P1Y', '2025-02-28T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', 'P4Y', '2028-02-29T00:00:00.000Z'],
    ['2026-03-31T00:00:00Z', 'P1M1D', '2026-05-01T00:00:00.000Z'],
    ['2026-11-30T12:00:00Z', 'P3M', '2027-02-28T12:00:00.000Z'],
    ['2026-12-31T23:30:00Z', 'PT45M', '2027-01-01T00:15:00.000Z'],
    ['2026-03-28T12:00:00Z', 'P1D', '2026-03-29T12:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'P2W', '2026-01-15T00:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'PT1.5S', '2026-01-01T00:00:01.500Z'],
    ['2026-01-01T00:00:00Z', 'P1DT2H', '2026-01-02T02:00:00.000Z'],
  ])('%s + %s = %s', (from, text, expected) => {
    // given a start and a duration / when added / then calendar-correct in UTC
    const duration = parseIsoDuration(text);
    expect(duration).toBeDefined();
    expect(addDuration(new Date(from), duration ?? zero).toISOString()).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 1, 29],
    [2026, 1, 28],
    [1900, 1, 28],
    [2000, 1, 29],
    [2026, 3, 30],
    [2026, 11, 31],
  ])('%i month index %i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});
