import { literal, render, type SqlValue } from './sql-literal.js';

/**
 * A statement of a script (several statements in one simple-protocol message) that PostgreSQL
 * should plan once per connection: it goes as `EXECUTE name(literals)`, preceded on a connection's
 * first use by `PREPARE name AS …`. Worth it for the engine's hot reads, whose planning cost more
 * than their execution (the snapshot load: 0.34 ms planning, 0.09 ms execution). `sql` has `?`
 * placeholders, as for `render`.
 */
export interface PreparedSql {
  readonly name: string;
  readonly sql: string;
}

export type ScriptStatement =
  string | { readonly prepared: PreparedSql; readonly values: readonly SqlValue[] };

export const execute = (prepared: PreparedSql, values: readonly SqlValue[]): ScriptStatement => ({
  prepared,
  values,
});

/**
 * What a connection has prepared. A PREPARE that ran survives its transaction's rollback, but one
 * in a message that failed may or may not have run, and a prepared plan can go stale when its
 * tables change shape: after any failed message, its statements are prepared again, under a new
 * generation's name.
 */
export type PreparedBook = Map<string, { generation: number; ready: boolean }>;

export interface Expanded {
  texts: string[];
  /** Index in `texts` of each input statement's result. */
  answers: number[];
  /** Names prepared by this message: ready once it succeeds. */
  preparing: string[];
  /** Every prepared name the message uses. */
  used: string[];
}

const physical = (name: string, generation: number) => `${name}_${generation}`;

export function expand(book: PreparedBook, statements: readonly ScriptStatement[]): Expanded {
  const texts: string[] = [];
  const answers: number[] = [];
  const preparing: string[] = [];
  const used: string[] = [];
  for (const statement of statements) {
    if (typeof statement === 'string') {
      answers.push(texts.push(statement) - 1);
      continue;
    }
    const { name, sql } = statement.prepared;
    let entry = book.get(name);
    if (!entry) book.set(name, (entry = { generation: 0, ready: false }));
    const as = physical(name, entry.generation);
    if (!used.includes(name)) used.push(name);
    if (!entry.ready && !preparing.includes(name)) {
      let index = 0;
      texts.push(`prepare ${as} as ${sql.replace(/\?/g, () => `$${++index}`)}`);
      preparing.push(name);
    }
    const args = statement.values.map(literal).join(', ');
    answers.push(texts.push(args ? `execute ${as}(${args})` : `execute ${as}`) - 1);
  }
  return { texts, answers, preparing, used };
}

/** After the message: its PREPAREs are ready, or (it failed) its statements are redone next time. */
export function settle(book: PreparedBook, expanded: Expanded, succeeded: boolean): void {
  for (const name of succeeded ? expanded.preparing : expanded.used) {
    const entry = book.get(name)!;
    if (succeeded) entry.ready = true;
    else {
      entry.generation++;
      entry.ready = false;
    }
  }
}

/** The statement as plain SQL, for a database that gains nothing from preparing (PGlite). */
export function inline(statement: ScriptStatement): string {
  return typeof statement === 'string' ? statement : render(statement.prepared.sql, statement.values);
}
