import { describe, expect, it } from 'vitest';
import { expressionText, toExpression } from './expression.js';

describe('toExpression', () => {
  it.each([
    ['=x > 5', { feel: 'x > 5' }],
    ['  = order.total  ', { feel: 'order.total' }],
    ['=', { feel: '' }],
    ['payment.charge', { static: 'payment.charge' }],
    [' padded ', { static: ' padded ' }],
    ['a = b', { static: 'a = b' }],
  ])('reads %j', (raw, expected) => {
    // given a raw attribute value / when converted / then
    expect(toExpression(raw)).toEqual(expected);
  });

  it.each([undefined, null, '', '   '])('treats %j as absent', (raw) => {
    expect(toExpression(raw)).toBeUndefined();
  });
});

describe('expressionText', () => {
  it('writes FEEL back with its = prefix and static values as they are', () => {
    expect(expressionText({ feel: 'a + 1' })).toBe('=a + 1');
    expect(expressionText({ static: 'x' })).toBe('x');
  });
});
