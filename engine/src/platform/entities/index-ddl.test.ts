import { describe, expect, it } from 'vitest';
import { citizenType } from '../../../test/entity-test-support.js';
import { indexDefinitions, indexName } from './index-ddl.js';
import { fieldLiteral, typeLiteral } from './sql-expressions.js';

describe('index DDL', () => {
  it('declares one index per annotation, limited to the type live records', () => {
    const sql = indexDefinitions('citizen', citizenType()).map((i) => i.sql);
    const kinds = sql.map((s) =>
      /^create (unique )?index/.exec(s)![1] ? 'unique' : (/using (\w+)/.exec(s)?.[1] ?? 'btree'),
    );
    expect(kinds.sort()).toEqual(['btree', 'btree', 'btree', 'gin', 'gin', 'gin', 'gin', 'unique']);
    for (const statement of sql) expect(statement).toMatch(/ where type = 'citizen' and deleted_at is null$/);
    expect(sql).toContainEqual(expect.stringContaining(`((data->>'age')::numeric), id)`));
    expect(sql).toContainEqual(
      expect.stringContaining(
        `using gin ((data->'phones') jsonb_path_ops) with (gin_pending_list_limit = 64) where`,
      ),
    );
    expect(sql.filter((s) => s.includes('gin_trgm_ops'))).toHaveLength(2);
    // Searches read a GIN index's whole pending list: a trigram index merges it every 256 kB.
    for (const trigram of sql.filter((s) => s.includes('gin_trgm_ops')))
      expect(trigram).toContain('gin_trgm_ops) with (gin_pending_list_limit = 256) where');
  });

  it('derives short safe names that change with the definition', () => {
    const long = indexName('a'.repeat(63), 'B'.repeat(63), 'trigram', 'x');
    expect(long).toMatch(/^ent_[a-z0-9_]{1,44}_tri_[0-9a-f]{10}$/);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(indexName('t', 'f', 'btree', 'one')).not.toBe(indexName('t', 'f', 'btree', 'two'));
  });

  it.each([
    ["x'", typeLiteral],
    ['a-b', typeLiteral],
    ["f') or ('1", fieldLiteral],
    ['', fieldLiteral],
  ])('refuses to put %j into SQL', (name, literal) => {
    expect(() => literal(name)).toThrow(/unsafe/);
  });
});
