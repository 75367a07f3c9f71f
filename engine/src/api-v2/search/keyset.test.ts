import { describe, expect, it } from 'vitest';
import { afterCursor, decodeCursor, encodeCursor, orderBy, sortTerms } from './keyset.js';
import type { SearchSpec } from './search-spec.js';

const spec = {
  sorts: { name: { expr: 't.name', nullable: true }, size: { expr: 't.size' } },
  key: 't.key',
} as unknown as SearchSpec<unknown>;

describe('keyset pagination', () => {
  const terms = sortTerms(spec, [{ field: 'name', order: 'DESC' }, { field: 'size' }]);

  it('orders by the sort fields (nullable ones by nullness first), then the key', () => {
    expect(orderBy(terms, false)).toBe('(t.name is null) desc, t.name desc, t.size asc, t.key asc');
    expect(orderBy(terms, true)).toBe('(t.name is null) asc, t.name asc, t.size desc, t.key desc');
  });

  it('continues strictly after the cursor row', () => {
    expect(afterCursor(terms, ['false', 'b', '3', '9'], false)).toEqual({
      sql:
        '(((t.name is null) < ?) or ' +
        '((t.name is null) is not distinct from ? and t.name < ?) or ' +
        '((t.name is null) is not distinct from ? and t.name is not distinct from ? and t.size > ?) or ' +
        '((t.name is null) is not distinct from ? and t.name is not distinct from ? and t.size is not distinct from ? and t.key > ?))',
      bindings: ['false', 'false', 'b', 'false', 'b', '3', 'false', 'b', '3', '9'],
    });
  });

  it('skips the comparison on a null value (nothing sorts after null within its group)', () => {
    const condition = afterCursor(terms, ['true', null, '3', '9'], false);
    expect(condition.sql).not.toContain('t.name < ?');
    expect(condition.bindings).toEqual(['true', 'true', null, '3', 'true', null, '3', '9']);
  });

  it('round-trips cursors, and refuses cursors of another sort', () => {
    const cursor = encodeCursor(['true', null, '3', '9']);
    expect(cursor).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(decodeCursor(cursor, terms)).toEqual(['true', null, '3', '9']);
    expect(decodeCursor(encodeCursor(['9']), terms)).toBeUndefined();
    expect(decodeCursor('bm90IGpzb24=', terms)).toBeUndefined();
    expect(decodeCursor(Buffer.from('[1,2,3,4]').toString('base64'), terms)).toBeUndefined();
  });
});
