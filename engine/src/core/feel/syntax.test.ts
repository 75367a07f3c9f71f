import { describe, expect, it } from 'vitest';
import { feelSyntaxError } from './syntax.js';

describe('feelSyntaxError', () => {
  it.each([
    'x > 5',
    'order.total >= 100 and customer.vip',
    'count(items) > 0',
    'some x in items satisfies x.amount > 10',
    'for item in items return item * 2',
    '{ id: requestId, at: now() }',
    'if priority = "high" then "P1D" else "P5D"',
    'date and time(deadline) + duration("P1D")',
    'string join(["a", "b"], ",")',
    'customer name',
    'x.`order id`',
    'items[item.open].id',
    'null',
  ])('accepts %j', (source) => {
    // given a valid expression / when checked / then no error
    expect(feelSyntaxError(source)).toBeUndefined();
  });

  it.each([
    ['x >', 'syntax error at column 4: the expression ends too early'],
    ['a +* 2', 'syntax error at column 4: unexpected "*"'],
    ['(1 + 2', 'syntax error at column 7: the expression ends too early'],
    ['"open', 'syntax error at column 1: unexpected "\\""'],
    ['x!', 'syntax error at column 2: unexpected "!"'],
    ['a and\nb or', 'syntax error at line 2, column 5: the expression ends too early'],
    ['', 'the FEEL expression is empty'],
    ['   ', 'the FEEL expression is empty'],
  ])('reports %j', (source, message) => {
    // given a broken expression / when checked / then the message names the position
    expect(feelSyntaxError(source)).toBe(message);
  });
});
