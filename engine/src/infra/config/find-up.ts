import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A path of the repository (`designer/dist`, `definitions/bpmn`), looked for upwards from this module so
 * it is found both from the TypeScript sources and from the compiled output.
 */
export function findInRepository(relative: string, marker = ''): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, relative);
    if (existsSync(path.join(candidate, marker))) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}
