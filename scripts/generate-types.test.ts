import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateTypes, typesDir } from './generate-types.js';

describe('schemas/types: the TypeScript types generated from schemas/*.schema.json', () => {
  it('are up to date (run `npm run generate:types` after changing a schema)', async () => {
    const generated = await generateTypes();
    const committed = (await readdir(typesDir)).filter((name) => name.endsWith('.d.ts')).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [name, content] of generated) {
      expect(await readFile(`${typesDir}${name}`, 'utf8'), `schemas/types/${name}`).toBe(content);
    }
  });
});
