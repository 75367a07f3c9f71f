import { describe, expect, it } from 'vitest';
import { execute, expand, inline, settle, type PreparedBook } from './prepared-script.js';

const lock = { name: 'lock', sql: 'select * from t where key = ? and label = ?' };

describe('prepared statements in a script', () => {
  it('prepare on first use, then only execute, with the values as literals', () => {
    const book: PreparedBook = new Map();
    const first = expand(book, ['begin', execute(lock, ['1', "it's"])]);
    expect(first.texts).toEqual([
      'begin',
      'prepare lock_0 as select * from t where key = $1 and label = $2',
      "execute lock_0('1', 'it''s')",
    ]);
    expect(first.answers).toEqual([0, 2]);
    settle(book, first, true);
    const second = expand(book, [execute(lock, ['2', null])]);
    expect(second.texts).toEqual(["execute lock_0('2', NULL)"]);
    expect(second.answers).toEqual([0]);
  });

  it('a statement used twice in one message is prepared once', () => {
    const expanded = expand(new Map(), [execute(lock, ['1', 'a']), execute(lock, ['2', 'b'])]);
    expect(expanded.texts.filter((t) => t.startsWith('prepare'))).toHaveLength(1);
    expect(expanded.answers).toEqual([1, 2]);
  });

  it('after a failed message, its statements are prepared again under a new name', () => {
    const book: PreparedBook = new Map();
    const ok = expand(book, [execute(lock, ['1', 'a'])]);
    settle(book, ok, true);
    const failed = expand(book, [execute(lock, ['1', 'a'])]);
    settle(book, failed, false);
    expect(expand(book, [execute(lock, ['1', 'a'])]).texts[0]).toMatch(/^prepare lock_1 as/);
  });

  it('inline writes the statement as plain SQL', () => {
    expect(inline(execute(lock, ['1', 'a']))).toBe("select * from t where key = '1' and label = 'a'");
    expect(inline('select 1')).toBe('select 1');
  });
});
