import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * No module of engine/src imports, directly or not, a module that imports it. Every relative import
 * of every non-test .ts file counts: `import … from`, `export … from`, side-effect imports,
 * `import type` (a type-only cycle still ties the two modules' designs together) and `import()`.
 */
const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Cycles known when this test was written, outside the process engine, each as its files from
 * engine/src in the order the test reports them. This list may only shrink: remove an entry once
 * its cycle is gone (the test says so); never add one.
 */
const allowedCycles: string[][] = [
  // The token-moving core: activating, completing and terminating elements call each other and the
  // behaviours (mutual recursion by design). Breaking it means passing these operations to the
  // behaviours as an interface (a dispatch table); not done yet.
  [
    'core/runtime/activate.ts',
    'core/runtime/behaviours/catch-event.ts',
    'core/runtime/behaviours/end-event.ts',
    'core/runtime/behaviours/index.ts',
    'core/runtime/behaviours/pass-through.ts',
    'core/runtime/behaviours/script-task.ts',
    'core/runtime/behaviours/sub-process.ts',
    'core/runtime/behaviours/throw-event.ts',
    'core/runtime/complete.ts',
    'core/runtime/errors.ts',
    'core/runtime/event-sub-process.ts',
    'core/runtime/joins.ts',
    'core/runtime/multi-instance.ts',
    'core/runtime/scope.ts',
  ],
];

const importPattern =
  /(?:^|[;\s}])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') &&
      !/\.(test|spec)\.ts$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
      ? [full]
      : [];
  });
}

/** `./x.js` → `./x.ts`; `./dir` → `./dir/index.ts`. Undefined for what is not a source file here. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base,
    `${base}.ts`,
    path.join(base, 'index.ts'),
    path.join(base.replace(/\.js$/, ''), 'index.ts'),
  ];
  return candidates.find((c) => c.endsWith('.ts') && existsSync(c));
}

/** The relative imports of a file's text, comments left out. */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(importPattern)].map((m) => (m[1] ?? m[2])!);
}

function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      [
        ...new Set(
          importsOf(readFileSync(file, 'utf8'))
            .map((specifier) => resolveImport(file, specifier))
            .filter((target): target is string => target !== undefined && known.has(target)),
        ),
      ],
    ]),
  );
}

/** Every strongly connected group of more than one file (or a file importing itself), by Tarjan. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)!.includes(node)) found.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found.map((group) => group.map((file) => path.relative(root, file).split(path.sep).join('/')));
}

describe('imports between the modules of engine/src', () => {
  it('reads every kind of relative import, and no comment', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      'import {\n  c,\n  type C,\n} from "./c/index.js";',
      "export { d } from './d.js';",
      "export * from './e.js';",
      "import './f.js';",
      "const g = await import('./g.js');",
      "import pg from 'pg';",
      "// import { h } from './h.js';",
      "/* export { i } from './i.js'; */",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      './a.js',
      '../b.js',
      './c/index.js',
      './d.js',
      './e.js',
      './f.js',
      './g.js',
    ]);
  });

  it('form no cycle', () => {
    const found = cycles(importGraph(sourceFiles(root)));
    const key = (cycle: string[]) => cycle.join(' -> ');
    const allowed = new Set(allowedCycles.map(key));
    expect(found.filter((cycle) => !allowed.has(key(cycle))).map(key)).toEqual([]);
    // The process engine allows none.
    expect(allowedCycles.flat().filter((file) => file.startsWith('process-engine/'))).toEqual([]);
    // An allowed cycle that is gone leaves the list.
    expect(allowedCycles.map(key).filter((cycle) => !found.map(key).includes(cycle))).toEqual([]);
  });
});
