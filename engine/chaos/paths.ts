/**
 * Every path into the engine's build that the chaos suite names lives here, so moving engine folders
 * only ever touches this file. The suite talks to the engine over HTTP and to PostgreSQL with `pg`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The built server entry point (after `npm run build -w engine`), at its new or its old place. */
const mainCandidates = ['engine/dist/engine/src/server/main.js', 'engine/dist/engine/src/main.js'];

export function engineMain(): string {
  for (const candidate of mainCandidates) {
    const file = path.join(repoRoot, candidate);
    if (existsSync(file)) return file;
  }
  throw new Error(`no built engine (${mainCandidates.join(' or ')}): run npm run build -w engine`);
}

/** The PostgreSQL server binaries: CHAOS_PG_BIN, else the newest /usr/lib/postgresql/<n>/bin. */
export const pgVersionsDir = '/usr/lib/postgresql';
