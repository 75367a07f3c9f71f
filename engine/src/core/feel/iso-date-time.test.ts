import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './iso-date-time.js';

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-01-01T09:00:00Z', '2026-01-01T09:00:00.000Z'],
    ['2026-01-01T09:00:00+01:00', '2026-01-01T08:00:00.000Z'],
    ['2026-01-01T09:00:00-0530', '2026-01-01T14:30:00.000Z'],
    ['2026-01-01T09:00:00+02', '2026-01-01T07:00:00.000Z'],
    ['2026-01-01T09:00:00.123456789Z', '2026-01-01T09:00:00.123Z'],
    ['2026-01-01T09:00Z', '2026-01-01T09:00:00.000Z'],
    ['2026-01-01T09:00:00', '2026-01-01T09:00:00.000Z'],
    ['2026-01-01', '2026-01-01T00:00:00.000Z'],
    ['2024-02-29T23:59:59Z', '2024-02-29T23:59:59.000Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00.000Z'],
  ])('reads %s (no offset = UTC)', (text, expected) => {
    // given an ISO date-time / when parsed / then the UTC instant
    expect(parseIsoDateTime(text)?.toISOString()).toBe(expected);
  });

  it.each([
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-32T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T09:60:00Z',
    '2026-01-01T09:00:00+25:00',
    '2026-1-1',
    'tomorrow',
    '2026-01-01T09',
    '',
  ])('refuses %j', (text) => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });
});
