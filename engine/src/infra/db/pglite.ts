import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';

/** An embedded PostgreSQL (WASM) with the extensions Tramit relies on; `undefined` = in memory. */
export function openPglite(dataDir: string | undefined): PGlite {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir ?? 'memory://', { extensions: { pg_trgm, fuzzystrmatch, unaccent, pgcrypto } });
}
