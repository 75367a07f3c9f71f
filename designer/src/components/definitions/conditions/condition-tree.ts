import { moveItem } from '../move-item';

/** A json-rules-engine leaf condition. */
export interface LeafCondition {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  [extra: string]: unknown;
}

/** json-rules-engine's nested conditions: all / any / not of leaves and groups. */
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** How the builder shows a group: `notAll` and `notAny` are a `not` wrapping `all` or `any`. */
export type GroupKind = 'all' | 'any' | 'notAll' | 'notAny';
export const groupKinds: readonly GroupKind[] = ['all', 'any', 'notAll', 'notAny'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function isLeaf(condition: Condition): condition is LeafCondition {
  return isObject(condition) && 'fact' in condition;
}

export function groupKind(condition: Condition): GroupKind | undefined {
  if (!isObject(condition)) return undefined;
  if (Array.isArray((condition as { all?: unknown }).all)) return 'all';
  if (Array.isArray((condition as { any?: unknown }).any)) return 'any';
  if ('not' in condition) {
    const inner = (condition as { not: Condition }).not;
    return groupKind(inner) === 'any' ? 'notAny' : 'notAll';
  }
  return undefined;
}

/** The children of a group; a `not` of a leaf counts as "not all" of that one leaf. */
export function childrenOf(condition: Condition): Condition[] {
  if (!isObject(condition)) return [];
  if ('all' in condition && Array.isArray(condition.all)) return condition.all;
  if ('any' in condition && Array.isArray(condition.any)) return condition.any;
  if ('not' in condition) {
    const inner = condition.not as Condition;
    return isLeaf(inner) ? [inner] : childrenOf(inner);
  }
  return [];
}

export function makeGroup(kind: GroupKind, children: Condition[]): Condition {
  switch (kind) {
    case 'all':
      return { all: children };
    case 'any':
      return { any: children };
    case 'notAll':
      return { not: { all: children } };
    case 'notAny':
      return { not: { any: children } };
  }
}

/** Rules and policies always start from a group, as json-rules-engine requires at the top. */
export function rootGroup(condition: unknown): Condition {
  if (isObject(condition) && groupKind(condition as Condition)) return condition as Condition;
  return { all: [] };
}

/** Replaces the node at `at` (child indexes from the root) with what `update` returns; undefined removes it. */
export function updateAt(
  root: Condition,
  at: readonly number[],
  update: (node: Condition) => Condition | undefined,
): Condition {
  if (at.length === 0) return update(root) ?? root;
  const [index, ...rest] = at as [number, ...number[]];
  const children = childrenOf(root);
  const child = children[index];
  if (child === undefined) return root;
  const replaced = rest.length === 0 ? update(child) : updateAt(child, rest, update);
  const next = children.flatMap((c, i) => (i !== index ? [c] : replaced === undefined ? [] : [replaced]));
  return makeGroup(groupKind(root) ?? 'all', next);
}

export function appendChild(root: Condition, groupAt: readonly number[], child: Condition): Condition {
  return updateAt(root, groupAt, (group) =>
    makeGroup(groupKind(group) ?? 'all', [...childrenOf(group), child]),
  );
}

export function setKind(root: Condition, groupAt: readonly number[], kind: GroupKind): Condition {
  return updateAt(root, groupAt, (group) => makeGroup(kind, childrenOf(group)));
}

/** Swaps a child with its neighbour (`by` = -1 up, +1 down) inside its group. */
export function moveChild(root: Condition, at: readonly number[], by: -1 | 1): Condition {
  const index = at[at.length - 1];
  if (index === undefined) return root;
  return updateAt(root, at.slice(0, -1), (group) =>
    makeGroup(groupKind(group) ?? 'all', moveItem(childrenOf(group), index, by)),
  );
}

/** The JSON pointer of the node at `at`, below `base` (where the root conditions sit). */
export function conditionPointer(root: Condition, at: readonly number[], base: string): string {
  let node = root;
  let path = base;
  for (const index of at) {
    const kind = groupKind(node);
    const segment =
      kind === 'all' || kind === 'any'
        ? `/${kind}`
        : isLeaf((node as { not: Condition }).not)
          ? '/not'
          : `/not/${kind === 'notAny' ? 'any' : 'all'}`;
    path += segment === '/not' ? segment : `${segment}/${index}`;
    node = childrenOf(node)[index]!;
  }
  return path;
}

/** Number of leaves in a tree, to show a collapsed summary. */
export function countLeaves(condition: Condition): number {
  return isLeaf(condition) ? 1 : childrenOf(condition).reduce((sum, child) => sum + countLeaves(child), 0);
}
