import { describe, expect, it } from 'vitest';
import { analyseFeel } from './analyse.js';
import { evaluateExpression } from './evaluate.js';
import { feelEvaluator } from './evaluator.js';
import { defaultFeelLimits, oversizeValue, type FeelLimits } from './limits.js';

const limits: FeelLimits = { maxItems: 1_000, maxStringLength: 100, timeoutMs: 50, maxMemoryMb: 64 };

describe('analyseFeel', () => {
  it.each([
    ['x > 1', false],
    ['{a: x, b: y}', false],
    ['items[price > 10]', false],
    ['count(items) + sum(items)', false],
    ['string join(names, ", ")', false],
    ['upper case(name) + "!"', false],
    ['for x in items return x.price', true],
    ['some x in items satisfies x > 1', true],
    ['every x in items satisfies x > 1', true],
    ['{f: function(n) f(n)}', true],
    ['{a: l, b: concatenate(a, a)}', true],
    ['{a: "x", b: {c: a + a}}', true],
    ['matches(name, "(a+)+$")', true],
    ['replace(name, "a", "b")', true],
    ['split(name, ",")', true],
    ['distinct values(items)', true],
    ['sort(items, function(a, b) a < b)', true],
    ['items[count(items[x > 1]) > 0]', true],
    ['items[sum(items) > 0]', true],
    ['items[item.price > 10]', true],
    ['items[price > limit]', false],
    ['items[1].price', false],
    ['sum(items[price > 10].price)', false],
  ])('%s is risky: %s', (source, risky) => {
    expect(analyseFeel(source).risky).toBe(risky);
  });

  it.each([
    ['for x in 1..10 return x', [{ text: '1..10', items: 10, product: 10 }]],
    ['for x in -5..5 return x', [{ text: '-5..5', items: 11, product: 11 }]],
    ['for x in 10..1 return x', [{ text: '10..1', items: 10, product: 10 }]],
    [
      'for x in 1..100, y in 1..50 return x',
      [
        { text: '1..100', items: 100, product: 100 },
        { text: '1..50', items: 50, product: 5_000 },
      ],
    ],
    [
      'for x in 1..100 return for y in 1..20 return y',
      [
        { text: '1..100', items: 100, product: 100 },
        { text: '1..20', items: 20, product: 2_000 },
      ],
    ],
    ['for x in 1..n return x', []],
    ['for x in items return x', []],
  ])('%s iterates %j', (source, iterations) => {
    expect(analyseFeel(source).iterations).toEqual(iterations);
  });

  it('reports a syntax error instead', () => {
    expect(analyseFeel('1 +').syntaxError).toMatch(/syntax error/);
    expect(analyseFeel(' ').syntaxError).toBe('the FEEL expression is empty');
  });
});

describe('evaluateExpression within limits', () => {
  it.each([
    [
      'count(for x in 1..60000000 return x)',
      defaultFeelLimits,
      'FEEL limit exceeded: range 1..60000000 of 60000000 items > TRAMIT_FEEL_MAX_ITEMS 100000',
    ],
    [
      'for x in 1..100, y in 1..100 return x',
      limits,
      'FEEL limit exceeded: nested iterations over 10000 items (range 1..100 of 100 inside others) > TRAMIT_FEEL_MAX_ITEMS 1000',
    ],
    ['concatenate(l, l)', limits, 'FEEL limit exceeded: a list of 1200 items > TRAMIT_FEEL_MAX_ITEMS 1000'],
    ['[concatenate(l, l)]', limits, 'FEEL limit exceeded: a list of 1200 items > TRAMIT_FEEL_MAX_ITEMS 1000'],
    ['s + s', limits, 'FEEL limit exceeded: a string of 120 characters > TRAMIT_FEEL_MAX_STRING_LENGTH 100'],
    [
      '{a: {b: s + s}}',
      limits,
      'FEEL limit exceeded: a string of 120 characters > TRAMIT_FEEL_MAX_STRING_LENGTH 100',
    ],
  ])('%s fails: %s', (source, given, message) => {
    const context = { l: Array.from({ length: 600 }, (_, i) => i), s: 'x'.repeat(60) };
    expect(evaluateExpression({ feel: source }, context, given)).toEqual({
      ok: false,
      message: `cannot evaluate '${source}': ${message}`,
    });
  });

  it.each([
    ['count(for x in 1..1000 return x)', 1_000],
    ['count(l)', 600],
    ['string length(s)', 60],
  ])('%s is within the limits: %j', (source, value) => {
    const context = { l: Array.from({ length: 600 }, (_, i) => i), s: 'x'.repeat(60) };
    expect(evaluateExpression({ feel: source }, context, limits)).toEqual({ ok: true, value });
  });

  it('checks the default limits when none are given', () => {
    expect(evaluateExpression({ feel: 'for x in 1..100001 return x' }, {})).toMatchObject({ ok: false });
    expect(evaluateExpression({ feel: 'count(for x in 1..100000 return x)' }, {})).toEqual({
      ok: true,
      value: 100_000,
    });
  });
});

describe('oversizeValue', () => {
  it.each([
    [[1, 2, 3], undefined],
    ['x'.repeat(100), undefined],
    ['x'.repeat(101), 'FEEL limit exceeded: a string of 101 characters > TRAMIT_FEEL_MAX_STRING_LENGTH 100'],
    [
      [[['x'.repeat(101)]]],
      'FEEL limit exceeded: a string of 101 characters > TRAMIT_FEEL_MAX_STRING_LENGTH 100',
    ],
    [Array(1_001).fill(0), 'FEEL limit exceeded: a list of 1001 items > TRAMIT_FEEL_MAX_ITEMS 1000'],
    [
      { a: Object.fromEntries(Array.from({ length: 1_001 }, (_, i) => [`k${i}`, i])) },
      'FEEL limit exceeded: a context of 1001 entries > TRAMIT_FEEL_MAX_ITEMS 1000',
    ],
  ])('%#: %s', (value, message) => {
    expect(oversizeValue(value, limits)).toBe(message);
  });
});

describe('feelEvaluator', () => {
  const isolatedCalls: string[] = [];
  const evaluator = feelEvaluator(limits, (source) => {
    isolatedCalls.push(source);
    return { ok: true, value: 'isolated' };
  });

  it('hands risky expressions to the isolated evaluation, unless a literal range is already too big', () => {
    isolatedCalls.length = 0;
    expect(evaluator.evaluate({ feel: 'x + 1' }, { x: 1 })).toEqual({ ok: true, value: 2 });
    expect(evaluator.evaluate({ static: 'abc' }, {})).toEqual({ ok: true, value: 'abc' });
    expect(evaluator.evaluate({ feel: 'for x in 1..n return x' }, { n: 3 })).toEqual({
      ok: true,
      value: 'isolated',
    });
    expect(evaluator.evaluate({ feel: 'for x in 1..5000 return x' }, {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('> TRAMIT_FEEL_MAX_ITEMS 1000') as string,
    });
    expect(isolatedCalls).toEqual(['for x in 1..n return x']);
  });

  it('without an isolated evaluation, evaluates risky expressions here', () => {
    expect(feelEvaluator(limits).evaluate({ feel: 'for x in 1..n return x' }, { n: 3 })).toEqual({
      ok: true,
      value: [1, 2, 3],
    });
  });
});
