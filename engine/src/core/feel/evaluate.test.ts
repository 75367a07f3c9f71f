import { describe, expect, it } from 'vitest';
import {
  evaluateBoolean,
  evaluateExpression,
  evaluateNumber,
  evaluateString,
  evaluateStringList,
} from './evaluate.js';

const variables = {
  amount: 120,
  customer: { name: 'Ada', vip: true, tags: ['a', 'b'] },
  items: [
    { id: 1, open: true },
    { id: 2, open: false },
  ],
  deadline: '2026-03-31T10:00:00Z',
};

describe('evaluateExpression', () => {
  it.each([
    ['amount * 2', 240],
    ['customer.name', 'Ada'],
    ['items[item.open = true].id', [1]],
    ['{ total: amount, vip: customer.vip }', { total: 120, vip: true }],
    ['count(customer.tags)', 2],
    ['missing', null],
    ['missing.deeper', null],
    ['`customer`.name', 'Ada'],
    ['date("2026-02-28")', '2026-02-28'],
    ['date and time("2026-07-01T10:00:00Z")', '2026-07-01T10:00:00Z'],
    ['date and time("2026-07-01T10:00:00@Europe/Madrid")', '2026-07-01T10:00:00+02:00'],
    ['date and time("2026-01-15T10:00:00@Europe/Madrid")', '2026-01-15T10:00:00+01:00'],
    ['date and time("2026-07-01T10:00:00-05:30")', '2026-07-01T10:00:00-05:30'],
    ['date and time("2026-07-01T10:00:00")', '2026-07-01T10:00:00'],
    ['date and time(deadline) + duration("P1D")', '2026-04-01T10:00:00Z'],
    ['time("09:30:00")', '09:30:00'],
    ['duration("P1DT2H")', 'P1DT2H'],
    ['years and months duration(date("2026-01-15"), date("2027-03-15"))', 'P1Y2M'],
    ['{ due: date("2026-01-01"), every: [duration("PT1H")] }', { due: '2026-01-01', every: ['PT1H'] }],
  ])('evaluates %j', (feel, expected) => {
    // given variables / when the FEEL expression is evaluated / then the value is JSON-friendly
    const result = evaluateExpression({ feel }, variables);
    expect(result).toMatchObject({ ok: true, value: expected });
    expect(JSON.parse(JSON.stringify(result.ok && result.value))).toEqual(expected);
  });

  it('returns static values unchanged', () => {
    expect(evaluateExpression({ static: 'payments.charge' }, variables)).toEqual({
      ok: true,
      value: 'payments.charge',
    });
  });

  it('explains why a part became null', () => {
    // given a missing variable / when evaluated / then null with feelin's warning
    expect(evaluateExpression({ feel: 'missing + 1' }, {})).toEqual({
      ok: true,
      value: null,
      warnings: ["Variable 'missing' not found", "Can't add '1' to 'null'"],
    });
  });

  it.each([
    ['amount >', "cannot evaluate 'amount >': syntax error at column 9: the expression ends too early"],
    [
      'function(x) x + 1',
      "cannot evaluate 'function(x) x + 1': a FEEL function cannot be stored as a variable",
    ],
    ['[1..5]', "cannot evaluate '[1..5]': a FEEL range cannot be stored as a variable"],
  ])('fails on %j', (feel, message) => {
    // given a broken or unstorable expression / when evaluated / then a readable failure
    expect(evaluateExpression({ feel }, variables)).toEqual({ ok: false, message });
  });
});

describe('typed evaluation', () => {
  it.each([
    ['amount > 100', true],
    ['customer.vip and amount < 100', false],
  ])('evaluates the condition %j', (feel, value) => {
    expect(evaluateBoolean({ feel }, variables)).toEqual({ ok: true, value });
  });

  it.each([
    [{ feel: 'amount' }, 'expected a boolean but got a number 120'],
    [{ feel: 'missing > 1' }, "expected a boolean but got null (Variable 'missing' not found"],
    [{ static: 'yes' }, 'expected a boolean but got a string "yes"'],
  ])('rejects the non-boolean condition %j', (expression, message) => {
    const result = evaluateBoolean(expression, variables);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it('accepts static true and false as conditions', () => {
    expect(evaluateBoolean({ static: 'true' }, {})).toEqual({ ok: true, value: true });
    expect(evaluateBoolean({ static: 'false' }, {})).toEqual({ ok: true, value: false });
  });

  it('evaluates strings', () => {
    expect(evaluateString({ feel: '"case-" + string(amount)' }, variables)).toEqual({
      ok: true,
      value: 'case-120',
    });
    expect(evaluateString({ static: 'gmao.createWorkOrder' }, {})).toEqual({
      ok: true,
      value: 'gmao.createWorkOrder',
    });
    expect(evaluateString({ feel: 'amount' }, variables)).toEqual({
      ok: false,
      message: 'expected a string but got a number 120',
    });
  });

  it.each([
    [{ static: '3' }, { ok: true, value: 3 }],
    [{ static: ' 5 ' }, { ok: true, value: 5 }],
    [{ feel: 'amount / 40' }, { ok: true, value: 3 }],
    [{ static: 'three' }, { ok: false, message: 'expected a number but got "three"' }],
    [{ feel: '"3"' }, { ok: false, message: 'expected a number but got a string "3"' }],
  ])('evaluates the number %j', (expression, expected) => {
    expect(evaluateNumber(expression, variables)).toEqual(expected);
  });

  it.each([
    [{ static: 'agents, supervisors ,,' }, { ok: true, value: ['agents', 'supervisors'] }],
    [{ feel: 'customer.tags' }, { ok: true, value: ['a', 'b'] }],
    [{ feel: '["team-" + customer.name]' }, { ok: true, value: ['team-Ada'] }],
    [{ feel: '[1, 2]' }, { ok: false, message: 'expected a list of strings but got a list [1,2]' }],
  ])('evaluates the string list %j', (expression, expected) => {
    expect(evaluateStringList(expression, variables)).toEqual(expected);
  });
});
