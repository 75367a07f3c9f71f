import { describe, expect, it } from 'vitest';
import ca from './locales/ca.json';
import en from './locales/en.json';
import es from './locales/es.json';

type Tree = { [key: string]: unknown };

/** Every leaf of a translation tree as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? leaves(value as Tree, path)
      : [[path, value]];
  });
}

const locales: Record<string, Tree> = { ca, es, en };
const keysOf = (tree: Tree) =>
  leaves(tree)
    .map(([key]) => key)
    .sort();

describe('locale files', () => {
  it('all have exactly the same nested keys as Catalan', () => {
    const reference = keysOf(ca);
    expect(reference.length).toBeGreaterThan(0);
    for (const [name, tree] of Object.entries(locales)) {
      expect(keysOf(tree), `keys of ${name}.json`).toEqual(reference);
    }
  });

  it.each(Object.entries(locales))('%s.json has only non-empty string values', (_name, tree) => {
    const bad = leaves(tree).filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it.each(Object.entries(locales))(
    '%s.json uses the same interpolation variables as Catalan',
    (_name, tree) => {
      const variables = (value: unknown) =>
        String(value)
          .match(/{{\s*\w+\s*}}/g)
          ?.sort() ?? [];
      const reference = new Map(leaves(ca).map(([key, value]) => [key, variables(value)]));
      for (const [key, value] of leaves(tree)) {
        expect(variables(value), key).toEqual(reference.get(key) ?? []);
      }
    },
  );
});
