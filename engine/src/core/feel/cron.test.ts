import { describe, expect, it } from 'vitest';
import { nextCronOccurrence, parseCron } from './cron.js';

function next(expression: string, after: string): string | undefined {
  const schedule = parseCron(expression);
  if (typeof schedule === 'string') throw new Error(schedule);
  return nextCronOccurrence(schedule, new Date(after))?.toISOString();
}

describe('nextCronOccurrence', () => {
  it.each([
    // weekdays at 09:00: from a Friday evening to Monday morning (2026-01-02 is a Friday)
    ['0 0 9 * * MON-FRI', '2026-01-02T18:00:00Z', '2026-01-05T09:00:00.000Z'],
    ['0 0 9 * * MON-FRI', '2026-01-05T08:59:59.999Z', '2026-01-05T09:00:00.000Z'],
    ['0 0 9 * * MON-FRI', '2026-01-05T09:00:00Z', '2026-01-06T09:00:00.000Z'],
    ['*/10 * * * * *', '2026-01-01T00:00:05Z', '2026-01-01T00:00:10.000Z'],
    ['0 */15 8-17 * * *', '2026-01-01T17:50:00Z', '2026-01-02T08:00:00.000Z'],
    ['0 0 12 1,15 * ?', '2026-01-15T12:00:00Z', '2026-02-01T12:00:00.000Z'],
    ['0 30 6 * JAN,JUL *', '2026-02-01T00:00:00Z', '2026-07-01T06:30:00.000Z'],
    ['0 0 0 29 2 *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 0 31 * *', '2026-01-31T00:00:00Z', '2026-03-31T00:00:00.000Z'],
    ['0 0 10 * * 0', '2026-01-01T00:00:00Z', '2026-01-04T10:00:00.000Z'],
    ['0 0 10 * * 7', '2026-01-01T00:00:00Z', '2026-01-04T10:00:00.000Z'],
    ['0 0 9 13 * FRI', '2026-01-01T00:00:00Z', '2026-02-13T09:00:00.000Z'],
    ['0 5/20 * * * *', '2026-01-01T00:06:00Z', '2026-01-01T00:25:00.000Z'],
    ['0 0 0 * * SAT', '2026-12-31T12:00:00Z', '2027-01-02T00:00:00.000Z'],
    ['@daily', '2026-01-01T10:00:00Z', '2026-01-02T00:00:00.000Z'],
    ['@hourly', '2026-01-01T10:20:00Z', '2026-01-01T11:00:00.000Z'],
    ['0 0 0 30 2 *', '2026-01-01T00:00:00Z', undefined],
  ])('%s after %s is %s', (expression, after, expected) => {
    // given a cron expression and a moment / when the next occurrence is computed / then (UTC)
    expect(next(expression, after)).toBe(expected);
  });
});

describe('parseCron', () => {
  it.each([
    ['0 0 9 * *', 'a cron expression needs 6 fields'],
    ['0 0 25 * * *', 'cron hour "25": invalid value "25"'],
    ['0 0 9 * * FRI-MON', 'cron day of week "FRI-MON": the range "FRI-MON" goes backwards'],
    ['0 0 9 L * *', 'cron day of month "L": L, W and # are not supported'],
    ['0 0 9 * * 5#2', 'cron day of week "5#2": L, W and # are not supported'],
    ['0 0 9 15W * *', 'cron day of month "15W": L, W and # are not supported'],
    ['*/0 * * * * *', 'cron second "*/0": invalid step "0"'],
    ['0 0 9 * BOGUS *', 'cron month "BOGUS": invalid value "BOGUS"'],
  ])('refuses %j', (expression, message) => {
    const result = parseCron(expression);
    expect(typeof result).toBe('string');
    expect(result).toContain(message);
  });

  it('reads names case-insensitively and Sunday as 0 or 7', () => {
    const schedule = parseCron('0 0 9 ? jan-mar sun,7');
    expect(typeof schedule).toBe('object');
    if (typeof schedule === 'string') return;
    expect([...schedule.months]).toEqual([1, 2, 3]);
    expect([...schedule.daysOfWeek]).toEqual([0]);
  });
});
