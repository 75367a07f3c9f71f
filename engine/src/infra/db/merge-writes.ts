import { literal, type SqlRow } from './sql-literal.js';

/**
 * A write that can join others of its shape into one statement: group commit puts many commands'
 * writes in one transaction, and PostgreSQL parses, plans and runs one statement of 64 rows for
 * about the cost of a few single-row ones.
 * - `insert`: `insert into table (columns) values rows…`; `keys` are the rows' keys, when the table
 *   has them.
 * - `update-keys`: `update table set … where key in (keys…)`; the same `set` twice is the same write.
 * - `update-values`: `template` with its VALUES list in place of `$values`; one row per key.
 * SQL text (a `string`) is opaque: it may read anything, so nothing moves across it.
 */
export type Write =
  | string
  | { kind: 'insert'; table: string; columns: string; rows: string[]; keys?: string[] }
  | { kind: 'update-keys'; table: string; set: string; keys: string[] }
  | { kind: 'update-values'; table: string; template: string; rows: string[]; keys: string[] };

type Shaped = Exclude<Write, string>;

export function insertWrite(table: string, rows: readonly SqlRow[]): Write {
  const columns = Object.keys(rows[0]!);
  return {
    kind: 'insert',
    table,
    columns: columns.join(', '),
    rows: rows.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`),
    ...(columns.includes('key') ? { keys: rows.map((row) => String(row.key)) } : {}),
  };
}

export function updateByKeyWrite(table: string, key: string, changes: SqlRow): Write {
  const set = Object.entries(changes).map(([column, value]) => `${column} = ${literal(value)}`);
  return { kind: 'update-keys', table, set: set.join(', '), keys: [key] };
}

export function toSql(write: Write): string {
  if (typeof write === 'string') return write;
  switch (write.kind) {
    case 'insert':
      return `insert into ${write.table} (${write.columns}) values ${write.rows.join(', ')}`;
    case 'update-keys':
      return write.keys.length === 1
        ? `update ${write.table} set ${write.set} where key = ${literal(write.keys[0])}`
        : `update ${write.table} set ${write.set} where key in (${write.keys.map(literal).join(', ')})`;
    case 'update-values':
      return write.template.replace('$values', write.rows.join(', '));
  }
}

const shapeOf = (w: Shaped) =>
  `${w.kind}\u0000${w.table}\u0000${w.kind === 'insert' ? w.columns : w.kind === 'update-keys' ? w.set : w.template}`;

/** Whether two writes may run in either order: other tables, or rows known to be distinct. */
function commute(a: Shaped, b: Shaped): boolean {
  if (a.table !== b.table) return true;
  if (a.kind === 'insert' && b.kind === 'insert') return true;
  if (!a.keys || !b.keys) return false;
  const keys = new Set(a.keys);
  return !b.keys.some((key) => keys.has(key));
}

/**
 * The writes as statements, in order, with each shaped write merged into the last one of its shape
 * when it may run that much earlier: no opaque SQL in between, and nothing in between that touches
 * its rows. This is only safe because the engine's tables have no triggers or foreign keys among
 * them. Two rows for one key never merge into an `update-values` (an UPDATE … FROM would pick one).
 */
export function mergeWrites(writes: readonly Write[]): string[] {
  const out: Write[] = [];
  const shapes: string[] = []; // shapeOf each entry of `out` ('' for opaque SQL)
  let barrier = -1; // index of the last opaque statement
  for (const write of writes) {
    if (typeof write === 'string') {
      shapes.push('');
      barrier = out.push(write) - 1;
      continue;
    }
    const shape = shapeOf(write);
    let merged = false;
    for (let i = out.length - 1; i > barrier; i--) {
      const earlier = out[i] as Shaped;
      if (shapes[i] === shape) {
        merged = merge(earlier, write);
        break;
      }
      if (!commute(earlier, write)) break;
    }
    if (!merged) {
      out.push(copy(write));
      shapes.push(shape);
    }
  }
  return out.map(toSql);
}

function copy(write: Shaped): Shaped {
  if (write.kind === 'insert')
    return { ...write, rows: [...write.rows], keys: write.keys && [...write.keys] };
  if (write.kind === 'update-keys') return { ...write, keys: [...write.keys] };
  return { ...write, rows: [...write.rows], keys: [...write.keys] };
}

function merge(into: Shaped, write: Shaped): boolean {
  if (into.kind === 'insert' && write.kind === 'insert') {
    into.rows.push(...write.rows);
    if (into.keys && write.keys) into.keys.push(...write.keys);
    return true;
  }
  if (into.kind === 'update-keys' && write.kind === 'update-keys') {
    for (const key of write.keys) if (!into.keys.includes(key)) into.keys.push(key);
    return true;
  }
  if (into.kind === 'update-values' && write.kind === 'update-values') {
    if (!commute(into, write)) return false;
    into.rows.push(...write.rows);
    into.keys.push(...write.keys);
    return true;
  }
  return false;
}
