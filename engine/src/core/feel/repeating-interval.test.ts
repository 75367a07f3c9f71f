import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from './iso-duration.js';
import { firstOccurrenceAtOrAfter, parseRepeatingInterval } from './repeating-interval.js';

const duration = (text: string) => {
  const parsed = parseIsoDuration(text);
  if (!parsed) throw new Error(text);
  return parsed;
};

describe('parseRepeatingInterval', () => {
  it.each([
    ['R5/PT10S', { repetitions: 5, start: undefined, interval: duration('PT10S') }],
    ['R/PT1H', { repetitions: undefined, start: undefined, interval: duration('PT1H') }],
    [
      'R3/2026-01-01T09:00:00Z/P1D',
      { repetitions: 3, start: new Date('2026-01-01T09:00:00Z'), interval: duration('P1D') },
    ],
  ])('reads %s', (text, expected) => {
    // given a cycle / when parsed / then its parts
    expect(parseRepeatingInterval(text)).toEqual(expected);
  });
});

describe('firstOccurrenceAtOrAfter', () => {
  it.each([
    ['2026-01-31T00:00:00Z', 'P1M', '2026-03-15T00:00:00Z', 2, '2026-03-31T00:00:00.000Z'],
    ['2026-01-31T00:00:00Z', 'P1M', '2026-02-28T00:00:00Z', 1, '2026-02-28T00:00:00.000Z'],
    ['2024-02-29T12:00:00Z', 'P1Y', '2027-06-01T00:00:00Z', 4, '2028-02-29T12:00:00.000Z'],
    ['2026-01-01T00:00:00Z', 'PT10S', '2026-01-01T00:01:00Z', 6, '2026-01-01T00:01:00.000Z'],
    ['2026-01-01T00:00:00Z', 'PT10S', '2026-01-01T00:01:00.001Z', 7, '2026-01-01T00:01:10.000Z'],
    ['2026-01-01T00:00:00Z', 'P1D', '2025-06-01T00:00:00Z', 0, '2026-01-01T00:00:00.000Z'],
  ])('from %s every %s, at or after %s: #%i at %s', (anchor, interval, target, index, at) => {
    // given an anchor and an interval / when searching from a target / then multiples of the interval
    const result = firstOccurrenceAtOrAfter(new Date(anchor), duration(interval), new Date(target));
    expect({ index: result.index, at: result.at.toISOString() }).toEqual({ index, at });
  });
});
