import { afterAll, describe, expect, it } from 'vitest';
import { hasRiskyFeel, isolatedFeel } from './feel-isolated.js';

// Low limits, so that exceeding them is quick; the timeout leaves room for a busy machine.
const feel = isolatedFeel({ maxItems: 10_000, maxStringLength: 10_000, timeoutMs: 1_500, maxMemoryMb: 64 });
const evaluate = (source: string, context: Record<string, unknown> = {}) =>
  feel.evaluator.evaluate({ feel: source }, context);

afterAll(() => feel.close());

describe('isolatedFeel', () => {
  it('evaluates risky expressions in the worker, with their variables', () => {
    expect(evaluate('for x in 1..n return x * 2', { n: 3 })).toEqual({ ok: true, value: [2, 4, 6] });
    expect(
      evaluate('some item in items satisfies item.done', { items: [{ done: false }, { done: true }] }),
    ).toEqual({ ok: true, value: true });
  }, 30_000);

  it('fails a range over the limit whose bounds come from variables, before listing it', () => {
    const started = performance.now();
    expect(evaluate('count(for x in 1..n return x)', { n: 60_000_000 })).toEqual({
      ok: false,
      message:
        "cannot evaluate 'count(for x in 1..n return x)': FEEL limit exceeded: range 1..60000000 of 60000000 items > TRAMIT_FEEL_MAX_ITEMS 10000",
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  }, 30_000);

  it('stops an expression that runs longer than the timeout, and starts a new worker for the next one', () => {
    const source = '{f: function(n) if n = 0 then 0 else f(n - 1) + f(n - 1), r: f(40)}.r';
    const started = performance.now();
    expect(evaluate(source)).toEqual({
      ok: false,
      message: `cannot evaluate '${source}': FEEL limit exceeded: evaluation time > TRAMIT_FEEL_TIMEOUT_MS 1500 (or its memory > TRAMIT_FEEL_MAX_MEMORY_MB 64)`,
    });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(evaluate('for x in [1, 2] return x')).toEqual({ ok: true, value: [1, 2] });
  }, 60_000);

  it('stops an expression whose lists outgrow the worker heap', () => {
    // 40 × 2^k items: the results are within TRAMIT_FEEL_MAX_ITEMS only until the heap is gone.
    const source = `{l: for x in 1..5000 return [x, x, x, x], a: concatenate(l, l), b: concatenate(a, a), c: concatenate(b, b), d: concatenate(c, c), e: concatenate(d, d), f: concatenate(e, e), g: concatenate(f, f), h: concatenate(g, g), i: concatenate(h, h), j: concatenate(i, i), k: concatenate(j, j), m: concatenate(k, k)}.m[1]`;
    expect(evaluate(source)).toMatchObject({
      ok: false,
      message: expect.stringContaining('FEEL limit exceeded') as string,
    });
    expect(evaluate('for x in [3] return x')).toEqual({ ok: true, value: [3] });
  }, 60_000);

  it('evaluates plain expressions in this thread', () => {
    expect(evaluate('a + b', { a: 1, b: 2 })).toEqual({ ok: true, value: 3 });
  });
});

describe('hasRiskyFeel', () => {
  it.each([
    [{ elements: { a: { condition: { feel: 'x > 1' } }, b: { script: { static: 'for' } } } }, false],
    [
      {
        elements: {
          a: { mappings: [{ source: { feel: 'x' } }, { source: { feel: 'for i in l return i' } }] },
        },
      },
      true,
    ],
    [{ elements: { a: { job: { type: { feel: 'some x in l satisfies x' } } } } }, true],
  ])('%j: %s', (model, risky) => {
    expect(hasRiskyFeel(model)).toBe(risky);
  });
});
