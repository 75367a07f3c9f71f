import { evaluate } from 'feelin';
import { describe, expect, it } from 'vitest';
import { toJsonValue } from './to-json-value.js';

const feel = (expression: string) => evaluate(expression, {}).value;

describe('toJsonValue', () => {
  it.each([
    ['null', null, null],
    ['undefined', undefined, null],
    ['a number', 1.5, 1.5],
    ['a non-finite number', Infinity, null],
    ['a date', feel('date("2026-02-28")'), '2026-02-28'],
    ['a UTC date-time', feel('date and time("2026-02-28T10:00:00Z")'), '2026-02-28T10:00:00Z'],
    [
      'a zoned date-time',
      feel('date and time("2026-02-28T10:00:00@Europe/Madrid")'),
      '2026-02-28T10:00:00+01:00',
    ],
    ['a local date-time', feel('date and time("2026-02-28T10:00:00")'), '2026-02-28T10:00:00'],
    ['a time with an offset', feel('time("10:00:00+02:00")'), '10:00:00+02:00'],
    ['a days-and-time duration', feel('duration("P1DT2H")'), 'P1DT2H'],
    ['a years-and-months duration', feel('duration("P1Y2M")'), 'P1Y2M'],
    ['nested values', { at: [feel('date("2026-01-01")')], ok: true }, { at: ['2026-01-01'], ok: true }],
  ])('converts %s', (_what, value, expected) => {
    // given a FEEL result / when converted / then a JSON value
    expect(toJsonValue(value)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a function', feel('function(x) x'), 'a FEEL function cannot be stored as a variable'],
    ['a range inside a context', { r: feel('[1..2]') }, 'a FEEL range cannot be stored as a variable'],
  ])('refuses %s', (_what, value, message) => {
    expect(toJsonValue(value)).toEqual({ ok: false, message });
  });
});
