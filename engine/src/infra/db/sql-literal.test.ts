import { describe, expect, it } from 'vitest';
import { literal, render, type SqlValue } from './sql-literal.js';
import { insertWrite, toSql, updateByKeyWrite } from './merge-writes.js';

describe('SQL literals', () => {
  it.each<[SqlValue, string]>([
    [null, 'NULL'],
    [undefined, 'NULL'],
    [42, '42'],
    [-1.5, '(-1.5)'],
    [2251799813685249n, '2251799813685249'],
    [true, 'true'],
    ["it's", "'it''s'"],
    ['C:\\dir', "E'C:\\\\dir'"],
    [new Date('2026-12-01T10:00:00.123Z'), "'2026-12-01T10:00:00.123Z'"],
  ])('%s is written as %s', (value, expected) => {
    expect(literal(value)).toBe(expected);
  });

  it('refuses numbers SQL cannot hold', () => {
    expect(() => literal(Number.NaN)).toThrow(TypeError);
    expect(() => literal(Infinity)).toThrow(TypeError);
  });

  it('fills placeholders in order and insists on as many values as placeholders', () => {
    expect(render('select ? where x = ?', ['a', 1])).toBe("select 'a' where x = 1");
    expect(() => render('select ?, ?', ['a'])).toThrow(RangeError);
    expect(() => render('select ?', ['a', 'b'])).toThrow(RangeError);
  });

  it('builds multi-row inserts and updates by key', () => {
    expect(
      toSql(
        insertWrite('t', [
          { a: 1, b: 'x' },
          { a: 2, b: null },
        ]),
      ),
    ).toBe("insert into t (a, b) values (1, 'x'), (2, NULL)");
    expect(toSql(updateByKeyWrite('jobs', '7', { state: 'COMPLETED', deadline: null }))).toBe(
      "update jobs set state = 'COMPLETED', deadline = NULL where key = '7'",
    );
  });
});
