import { describe, expect, it } from 'vitest';
import { moveItem } from './move-item';

describe('moveItem', () => {
  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
    [7, 1, ['a', 'b', 'c']],
  ] as const)('moves item %i by %i', (index, by, expected) => {
    const items = ['a', 'b', 'c'];
    expect(moveItem(items, index, by)).toEqual(expected);
    expect(items).toEqual(['a', 'b', 'c']);
  });
});
