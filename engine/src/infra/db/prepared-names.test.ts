import { describe, expect, it } from 'vitest';
import { PreparedNames } from './prepared-names.js';

describe('PreparedNames', () => {
  it('names a text once it has been seen often enough, with the same name every time', () => {
    const names = new PreparedNames({ after: 3, maxTexts: 10, perConnection: 10 });
    const held = new Set<string>();
    expect(names.nameFor('select 1', held)).toBeUndefined();
    expect(names.nameFor('select 1', held)).toBeUndefined();
    const name = names.nameFor('select 1', held);
    expect(name).toMatch(/^tramit_/);
    expect(names.nameFor('select 1', held)).toBe(name);
    expect(names.nameFor('select 2', held)).toBeUndefined();
  });

  it('prepares no more than its share on one connection, but keeps using what it holds', () => {
    const names = new PreparedNames({ after: 1, maxTexts: 10, perConnection: 1 });
    const held = new Set<string>([names.nameFor('a', new Set())!]);
    expect(names.nameFor('a', held)).toBe([...held][0]);
    expect(names.nameFor('b', held)).toBeUndefined();
    expect(names.nameFor('b', new Set())).toMatch(/^tramit_/);
  });

  it('counts a bounded number of texts, and a forgotten text starts over under a new name', () => {
    const names = new PreparedNames({ after: 1, maxTexts: 2, perConnection: 10 });
    const first = names.nameFor('a', new Set());
    names.nameFor('b', new Set());
    expect(names.nameFor('c', new Set())).toBeUndefined();
    names.forget('a');
    const again = names.nameFor('a', new Set());
    expect(again).toMatch(/^tramit_/);
    expect(again).not.toBe(first);
  });
});
