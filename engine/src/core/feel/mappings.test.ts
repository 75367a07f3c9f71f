import { describe, expect, it } from 'vitest';
import type { Mapping } from '../bpmn/model.js';
import { evaluateMappings, parseMappingTarget } from './mappings.js';

const feel = (source: string, target: string): Mapping => ({ source: { feel: source }, target });

describe('evaluateMappings', () => {
  it.each<[string, Mapping[], Record<string, unknown>, Record<string, unknown>]>([
    ['a plain variable', [feel('amount * 2', 'double')], { amount: 21 }, { double: 42 }],
    ['a static source', [{ source: { static: 'web' }, target: 'channel' }], {}, { channel: 'web' }],
    ['a missing variable as null', [feel('nothing', 'copy')], {}, { copy: null }],
    [
      'an earlier mapping of the same list',
      [feel('amount + 1', 'next'), feel('next * 10', 'scaled')],
      { amount: 1 },
      { next: 2, scaled: 20 },
    ],
    [
      'a nested target into a new object',
      [feel('"Ada"', 'customer.name.first')],
      {},
      { customer: { name: { first: 'Ada' } } },
    ],
    [
      'a nested target merged into the object in the context',
      [feel('"closed"', 'order.status')],
      { order: { id: 7, status: 'open', lines: [1, 2] } },
      { order: { id: 7, status: 'closed', lines: [1, 2] } },
    ],
    [
      'two nested targets into the same object',
      [feel('1', 'order.total'), feel('order.total + 1', 'order.next')],
      { order: { id: 7 } },
      { order: { id: 7, total: 1, next: 2 } },
    ],
    [
      'a nested target that replaces a non-object',
      [feel('true', 'flag.set')],
      { flag: 'yes' },
      { flag: { set: true } },
    ],
    [
      'a temporal result as an ISO string',
      [feel('date("2026-01-31") + duration("P1M")', 'due')],
      {},
      { due: '2026-02-28' },
    ],
  ])('maps %s', (_name, mappings, context, expected) => {
    // given mappings and a context / when evaluated / then the produced variables
    expect(evaluateMappings(mappings, context)).toEqual({ ok: true, variables: expected });
  });

  it('does not change the context it merges from', () => {
    // given an object in the context
    const context = { order: { id: 7, meta: { a: 1 } } };
    // when a nested target is mapped into it
    evaluateMappings([feel('2', 'order.meta.b')], context);
    // then the original is untouched
    expect(context).toEqual({ order: { id: 7, meta: { a: 1 } } });
  });

  it('stops at the first failing source and names its target', () => {
    // given a mapping whose FEEL is broken
    const mappings = [feel('1', 'ok'), feel('amount +', 'broken'), feel('2', 'never')];
    // when evaluated / then
    expect(evaluateMappings(mappings, { amount: 1 })).toEqual({
      ok: false,
      target: 'broken',
      message: "cannot evaluate 'amount +': syntax error at column 9: the expression ends too early",
    });
  });

  it('refuses an invalid target', () => {
    expect(evaluateMappings([feel('1', 'a..b')], {})).toEqual({
      ok: false,
      target: 'a..b',
      message: 'invalid mapping target "a..b"',
    });
  });
});

describe('parseMappingTarget', () => {
  it.each([
    ['total', ['total']],
    ['order.total', ['order', 'total']],
    ['', undefined],
    ['a.', undefined],
    ['.a', undefined],
    [' a', undefined],
  ])('reads %j', (target, expected) => {
    expect(parseMappingTarget(target)).toEqual(expected);
  });
});
