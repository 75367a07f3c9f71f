import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './merge-patch.js';
import { maskValue } from './masking.js';
import { parseListQuery } from './list-query.js';
import { candidateText, fuzzyThreshold } from './fuzzy-query.js';
import { languageFrom } from './validation-messages.js';

describe('list query syntax', () => {
  it('reads filters, operators, sort, limit, cursor and fields', () => {
    expect(
      parseListQuery({
        'filter[status]': 'open',
        'filter[priority][in]': 'high,urgent',
        sort: '-openedAt,reference',
        limit: '50',
        cursor: 'abc',
        fields: 'reference,status',
      }),
    ).toEqual({
      filters: [
        { field: 'status', op: 'eq', value: 'open', param: 'filter[status]' },
        { field: 'priority', op: 'in', value: 'high,urgent', param: 'filter[priority][in]' },
      ],
      sort: [
        { field: 'openedAt', descending: true },
        { field: 'reference', descending: false },
      ],
      limit: 50,
      cursor: 'abc',
      fields: ['reference', 'status'],
    });
  });

  it.each([
    [{ 'filter[a b]': 'x' }, 'filter[a b]'],
    [{ 'filter[a][regex]': 'x' }, 'filter[a][regex]'],
    [{ 'filter[a]': ['x', 'y'] }, 'filter[a]'],
    [{ 'filter[a]': 'x'.repeat(501) }, 'filter[a]'],
    [{ sort: 'a,b,c,d' }, 'sort'],
    [{ sort: 'a.b' }, 'sort'],
    [{ limit: '1e3' }, 'limit'],
    [{ limit: '-1' }, 'limit'],
    [{ where: '1=1' }, 'where'],
  ])('refuses %j naming %s', (query, path) => {
    expect(() => parseListQuery(query)).toThrow(
      expect.objectContaining({ kind: 'bad-input', errors: [expect.objectContaining({ path })] }),
    );
  });
});

describe('small pure helpers', () => {
  it.each([
    [
      { a: 1, b: { c: 2, d: 3 } },
      { b: { c: null, e: 4 }, f: [1] },
      { a: 1, b: { d: 3, e: 4 }, f: [1] },
    ],
    [{ a: [1, 2] }, { a: [3] }, { a: [3] }],
    [{ a: 1 }, { a: null }, {}],
  ])('merge-patches %j with %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it.each([
    ['ES9121000418450200051332', { showLast: 4 }, '••••••••••••••••••••1332'],
    ['12345678Z', { showFirst: 2, showLast: 1 }, '12••••••Z'],
    ['abc', { showLast: 4 }, '•••'],
    [612345678, {}, '•••••••••'],
  ])('masks %s with %j', (value, spec, expected) => {
    expect(maskValue(value, spec)).toBe(expected);
  });

  it.each([
    [undefined, 'en'],
    ['ca-ES,ca;q=0.9,en;q=0.8', 'ca'],
    ['fr-FR,es;q=0.5,en;q=0.4', 'es'],
    ['en;q=0.2,ca;q=0.9', 'ca'],
    ['de', 'en'],
  ])('picks the language of %s', (header, expected) => {
    expect(languageFrom(header)).toBe(expected);
  });
});

describe('fuzzy threshold', () => {
  const threshold = (value: string) => fuzzyThreshold(parseListQuery({ 'filter[fullName][fuzzy]': value }));
  it('is lenient for one word (a typo costs half its trigrams) and stricter for several', () => {
    expect(threshold('garsia')).toBe(0.5);
    expect(threshold('  garsia ')).toBe(0.5);
    expect(threshold('maria elena mones')).toBe(0.6);
    expect(
      fuzzyThreshold(parseListQuery({ 'filter[fullName][fuzzy]': 'a b', 'filter[surname1][fuzzy]': 'c' })),
    ).toBe(0.5);
    // Counted without the common words: what the candidates are looked up with.
    expect(threshold('de la Fuente')).toBe(0.5);
  });

  it('looks candidates up without particles and company forms, unless nothing else is left', () => {
    expect(candidateText('María de los Ángeles Jáqez Lugo')).toBe('María Ángeles Jáqez Lugo');
    expect(candidateText('Chapa Valentín, Godoy Pizarro y Guillén Osorio Asociados S.A.')).toBe(
      'Chapa Valentín Godoy Pizarro Guillén Osorio',
    );
    expect(candidateText("Fills de Pere i Jaume d' Amat, S.L.U.")).toBe('Pere Jaume Amat');
    expect(candidateText('  de la  ')).toBe('de la');
    expect(candidateText('garsia')).toBe('garsia');
  });
});
