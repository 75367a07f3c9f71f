import { describe, expect, it } from 'vitest';
import {
  appendChild,
  childrenOf,
  conditionPointer,
  countLeaves,
  groupKind,
  moveChild,
  rootGroup,
  setKind,
  updateAt,
  type Condition,
} from './condition-tree';

const urgent = { fact: 'case', path: '$.priority', operator: 'equal', value: 'urgent' };
const complaint = { fact: 'case', path: '$.type', operator: 'equal', value: 'complaint' };
const zone = { fact: 'case', path: '$.zone', operator: 'in', value: ['north', 'east'] };

const tree: Condition = { all: [urgent, { not: { any: [complaint, zone] } }] };

describe('the condition tree the builder edits', () => {
  it.each([
    [{ all: [] }, 'all'],
    [{ any: [urgent] }, 'any'],
    [{ not: { all: [urgent] } }, 'notAll'],
    [{ not: { any: [urgent] } }, 'notAny'],
    [{ not: urgent }, 'notAll'],
    [urgent, undefined],
  ] as [Condition, string | undefined][])('%j is a %s group', (condition, kind) => {
    expect(groupKind(condition)).toBe(kind);
  });

  it('starts a rule without conditions from an empty "all" group, and keeps an existing group', () => {
    expect(rootGroup(undefined)).toEqual({ all: [] });
    expect(rootGroup(urgent)).toEqual({ all: [] });
    expect(rootGroup(tree)).toBe(tree);
  });

  it('replaces and removes a nested leaf without touching the rest', () => {
    const changed = updateAt(tree, [1, 0], (leaf) => ({ ...leaf, value: 'claim' }) as Condition);
    expect(changed).toEqual({ all: [urgent, { not: { any: [{ ...complaint, value: 'claim' }, zone] } }] });
    expect(updateAt(tree, [1, 1], () => undefined)).toEqual({ all: [urgent, { not: { any: [complaint] } }] });
    expect(updateAt(tree, [5], () => undefined)).toBe(tree);
  });

  it('appends to a nested group and switches a group between all, any, not all and none', () => {
    expect(childrenOf(childrenOf(appendChild(tree, [1], urgent))[1]!)).toEqual([complaint, zone, urgent]);
    expect(setKind(tree, [1], 'all')).toEqual({ all: [urgent, { all: [complaint, zone] }] });
    expect(setKind(tree, [], 'notAny')).toEqual({ not: { any: (tree as { all: Condition[] }).all } });
  });

  it.each([
    [[0], 1, { all: [{ not: { any: [complaint, zone] } }, urgent] }],
    [[1], 1, tree],
    [[0], -1, tree],
    [[1, 1], -1, { all: [urgent, { not: { any: [zone, complaint] } }] }],
  ] as [number[], -1 | 1, Condition][])('moves the child at %j by %i', (at, by, expected) => {
    expect(moveChild(tree, at, by)).toEqual(expected);
  });

  it.each([
    [[], '/rules/0/conditions'],
    [[0], '/rules/0/conditions/all/0'],
    [[1, 1], '/rules/0/conditions/all/1/not/any/1'],
  ])('points at the node %j with the same JSON pointer the server uses', (at, expected) => {
    expect(conditionPointer(tree, at, '/rules/0/conditions')).toBe(expected);
  });

  it('points through a "not" of a single leaf and counts leaves', () => {
    expect(conditionPointer({ not: urgent }, [0], '')).toBe('/not');
    expect(countLeaves(tree)).toBe(3);
  });
});
