import { describe, expect, it } from 'vitest';
import { nextTimerDue, timerValueError, type TimerKind } from './timers.js';

const now = new Date('2026-01-31T10:00:00Z');

function due(kind: TimerKind, value: string, at = now, previousDue?: string, left?: number) {
  const result = nextTimerDue(kind, value, at, previousDue ? new Date(previousDue) : undefined, left);
  return result.ok ? { due: result.due.toISOString(), repetitionsLeft: result.repetitionsLeft } : result;
}

describe('nextTimerDue: first firing', () => {
  it.each<[TimerKind, string, string, number | undefined]>([
    ['duration', 'PT15M', '2026-01-31T10:15:00.000Z', 0],
    ['duration', 'P1M', '2026-02-28T10:00:00.000Z', 0],
    ['duration', 'P1DT2H', '2026-02-01T12:00:00.000Z', 0],
    ['duration', 'PT0.25S', '2026-01-31T10:00:00.250Z', 0],
    ['date', '2026-03-01T09:00:00+01:00', '2026-03-01T08:00:00.000Z', 0],
    ['date', '2026-03-01T09:00:00', '2026-03-01T09:00:00.000Z', 0],
    ['date', '2020-01-01T00:00:00Z', '2020-01-01T00:00:00.000Z', 0],
    ['cycle', 'R5/PT10S', '2026-01-31T10:00:10.000Z', 4],
    ['cycle', 'R1/PT10S', '2026-01-31T10:00:10.000Z', 0],
    ['cycle', 'R/PT1H', '2026-01-31T11:00:00.000Z', undefined],
    ['cycle', 'R3/2026-02-01T09:00:00Z/P1D', '2026-02-01T09:00:00.000Z', 2],
    ['cycle', 'R3/2026-01-30T09:00:00Z/P1D', '2026-02-01T09:00:00.000Z', 0],
    ['cycle', 'R/2026-01-01T10:00:00Z/P1D', '2026-01-31T10:00:00.000Z', undefined],
    ['cycle', 'R/2025-10-31T08:00:00Z/P1M', '2026-02-28T08:00:00.000Z', undefined],
    ['cycle', '0 0 9 * * MON-FRI', '2026-02-02T09:00:00.000Z', undefined],
  ])('%s %s → %s', (kind, value, expected, repetitionsLeft) => {
    // given a timer value and now (a Saturday) / when the first due date is computed / then
    expect(due(kind, value)).toEqual({ due: expected, repetitionsLeft });
  });
});

describe('nextTimerDue: after a firing', () => {
  it.each<[string, string, string, number | undefined, { due: string; repetitionsLeft?: number } | string]>([
    [
      'R5/PT10S',
      '2026-01-31T10:00:10Z',
      '2026-01-31T10:00:10Z',
      4,
      { due: '2026-01-31T10:00:20.000Z', repetitionsLeft: 3 },
    ],
    [
      'R5/PT10S',
      '2026-01-31T10:00:10Z',
      '2026-01-31T10:00:35Z',
      4,
      { due: '2026-01-31T10:00:40.000Z', repetitionsLeft: 1 },
    ],
    [
      'R5/PT10S',
      '2026-01-31T10:00:10Z',
      '2026-01-31T11:00:00Z',
      4,
      { due: '2026-01-31T10:00:50.000Z', repetitionsLeft: 0 },
    ],
    [
      'R5/PT10S',
      '2026-01-31T10:00:10Z',
      '2026-01-31T10:00:10Z',
      0,
      'the timer cycle has no repetitions left',
    ],
    ['R5/PT10S', '2026-01-31T10:00:10Z', '2026-01-31T10:00:10Z', undefined, 'pass the repetitions left'],
    ['R/P1M', '2026-01-31T10:00:00Z', '2026-01-31T10:00:00Z', undefined, { due: '2026-02-28T10:00:00.000Z' }],
    [
      'R/PT1M',
      '2026-01-31T10:00:00Z',
      '2026-01-31T12:00:30Z',
      undefined,
      { due: '2026-01-31T12:01:00.000Z' },
    ],
    [
      'R3/2026-01-31T09:00:00Z/P1M',
      '2026-01-31T09:00:00Z',
      '2026-01-31T09:00:01Z',
      undefined,
      { due: '2026-02-28T09:00:00.000Z', repetitionsLeft: 1 },
    ],
    [
      'R3/2026-01-31T09:00:00Z/P1M',
      '2026-02-28T09:00:00Z',
      '2026-02-28T09:00:00Z',
      undefined,
      { due: '2026-03-31T09:00:00.000Z', repetitionsLeft: 0 },
    ],
    [
      'R3/2026-01-31T09:00:00Z/P1M',
      '2026-01-31T09:00:00Z',
      '2026-06-01T00:00:00Z',
      undefined,
      { due: '2026-03-31T09:00:00.000Z', repetitionsLeft: 0 },
    ],
    [
      'R3/2026-01-31T09:00:00Z/P1M',
      '2026-03-31T09:00:00Z',
      '2026-03-31T09:00:00Z',
      undefined,
      'the timer cycle ended on 2026-03-31T09:00:00.000Z',
    ],
    [
      '0 0 9 * * *',
      '2026-01-31T09:00:00Z',
      '2026-01-31T09:00:00.200Z',
      undefined,
      { due: '2026-02-01T09:00:00.000Z' },
    ],
    [
      '0 0 9 * * *',
      '2026-01-20T09:00:00Z',
      '2026-01-31T10:00:00Z',
      undefined,
      { due: '2026-02-01T09:00:00.000Z' },
    ],
  ])('%s fired at %s, now %s', (value, previousDue, at, left, expected) => {
    // given a cycle that fired at previousDue / when the next due date is computed / then
    const result = due('cycle', value, new Date(at), previousDue, left);
    if (typeof expected === 'string') expect((result as { message: string }).message).toContain(expected);
    else expect(result).toEqual({ repetitionsLeft: undefined, ...expected });
  });

  it('does not repeat durations and dates', () => {
    expect(due('duration', 'PT1M', now, '2026-01-31T10:00:00Z')).toEqual({
      ok: false,
      message: 'a timer duration does not repeat',
    });
  });
});

describe('timerValueError', () => {
  it.each<[TimerKind, string]>([
    ['duration', 'PT15M'],
    ['duration', 'P2W'],
    ['date', '2026-01-01T09:00:00Z'],
    ['cycle', 'R/PT1H'],
    ['cycle', 'R3/2026-01-01T09:00:00Z/P1D'],
    ['cycle', '0 0 9 * * MON-FRI'],
  ])('accepts %s %s', (kind, value) => {
    expect(timerValueError(kind, value)).toBeUndefined();
  });

  it.each<[TimerKind, string, string]>([
    ['duration', '15 minutes', 'invalid duration "15 minutes"'],
    ['duration', '', 'the timer duration is empty'],
    ['date', '2026-02-30T09:00:00Z', 'invalid date "2026-02-30T09:00:00Z"'],
    ['date', 'PT1H', 'invalid date "PT1H"'],
    ['cycle', 'R0/PT1H', 'it must repeat at least once'],
    ['cycle', 'R/PT0S', 'the interval must not be zero'],
    ['cycle', 'R5/P1D/2026-01-01T00:00:00Z', 'an end date instead of a start date is not supported'],
    ['cycle', 'R5/2026-13-01T00:00:00Z/P1D', '"2026-13-01T00:00:00Z" is not an ISO 8601 date-time'],
    ['cycle', 'R/2026-01-01T00:00:00Z/tomorrow', '"tomorrow" is not an ISO 8601 duration'],
    ['cycle', 'R5', 'expected R<n>/<duration>'],
    ['cycle', 'PT1H', 'a cron expression needs 6 fields'],
    ['cycle', '0 0 9 * * MON-FRI 2026', 'a cron expression needs 6 fields'],
    ['cycle', '0 0 0 30 2 *', 'never fires'],
  ])('refuses %s %j', (kind, value, message) => {
    expect(timerValueError(kind, value)).toContain(message);
  });
});
