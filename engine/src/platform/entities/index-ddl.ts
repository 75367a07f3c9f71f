import { createHash } from 'node:crypto';
import { fieldKind, isScalar, type EntityTypeDocument } from './entity-type.js';
import {
  jsonOf,
  quoteIdentifier,
  scalarExpression,
  searchExpression,
  typeLiteral,
} from './sql-expressions.js';

export interface IndexDefinition {
  name: string;
  sql: string;
}

/** A safe, unique, ≤ 63-character index name: a readable part and a hash of the definition. */
export function indexName(type: string, field: string, kind: string, body: string): string {
  const hash = createHash('sha256').update(`${type}\0${field}\0${kind}\0${body}`).digest('hex').slice(0, 10);
  const readable = `${type}_${field}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 44);
  return `ent_${readable}_${kind.slice(0, 3)}_${hash}`;
}

function define(type: string, field: string, kind: string, body: string, unique = false): IndexDefinition {
  const name = indexName(type, field, kind, body);
  const where = `where type = ${typeLiteral(type)} and deleted_at is null`;
  const sql = `create ${unique ? 'unique ' : ''}index if not exists ${quoteIdentifier(name)} on records ${body} ${where}`;
  return { name, sql };
}

/**
 * GIN keeps new entries in a pending list that every search reads in full, until a vacuum or an
 * insert that overflows `gin_pending_list_limit` (4 MB by default) merges it. On a large table
 * autovacuum comes after a fifth of it was inserted, so lookups slowed as records were created (on a
 * million persons, 2,000 creates put 8,000 tuples in each list and doubled a phone lookup's database
 * time). Ours merge every 64 kB (an array index: a few small keys per record) or 256 kB (a
 * trigram index: dozens per record, where batching saves most). Turning the list off altogether
 * made a bulk load 17% slower.
 */
const arrayGin = 'with (gin_pending_list_limit = 64)';
const trigramGin = 'with (gin_pending_list_limit = 256)';

/**
 * The indexes a type version declares: btree expression indexes (with the id, for sorted pages),
 * GIN jsonb_path_ops on indexed arrays (containment lookups), GIN trigram indexes for contains and
 * fuzzy search, and partial unique indexes for x-unique, all limited to the type's live records.
 * Trigram indexes are GIN, not GiST: GiST can walk its index in distance order, but at a million
 * names that walk read ~15,000 pages per top-10 search (~260 ms); GIN finds the few thousand names
 * sharing enough trigrams (~50–100 ms) and ranking them is a small sort. GIN is also half the size
 * and builds in seconds.
 */
export function indexDefinitions(type: string, doc: EntityTypeDocument): IndexDefinition[] {
  const out: IndexDefinition[] = [];
  for (const [field, schema] of Object.entries(doc.properties)) {
    const kind = fieldKind(schema);
    if (schema['x-unique'] && isScalar(kind)) {
      out.push(define(type, field, 'unique', `((${scalarExpression(field, schema)}))`, true));
    }
    if (schema['x-index'] === 'btree' && isScalar(kind)) {
      out.push(define(type, field, 'btree', `(${scalarExpression(field, schema)}, id)`));
    }
    if (schema['x-index'] === 'btree' && (kind === 'array' || kind === 'object')) {
      out.push(define(type, field, 'gin', `using gin (${jsonOf(field)} jsonb_path_ops) ${arrayGin}`));
    }
    if (schema['x-index'] === 'trigram') {
      out.push(
        define(type, field, 'trigram', `using gin (${searchExpression([field])} gin_trgm_ops) ${trigramGin}`),
      );
    }
  }
  for (const [name, search] of Object.entries(doc['x-search'] ?? {})) {
    out.push(
      define(
        type,
        name,
        'trigram',
        `using gin (${searchExpression(search.fields)} gin_trgm_ops) ${trigramGin}`,
      ),
    );
  }
  return out;
}
