import type { Condition } from './filter-fields.js';
import type { SearchSpec } from './search-spec.js';

/** One ORDER BY term; nullable sort fields become two terms (`is null`, then the value). */
export interface Term {
  expr: string;
  desc: boolean;
}

export function sortTerms(
  spec: SearchSpec<unknown>,
  sort: { field: string; order?: 'ASC' | 'DESC' }[],
): Term[] {
  const terms: Term[] = [];
  for (const { field, order } of sort) {
    const sortField = spec.sorts[field];
    if (!sortField) continue;
    const desc = order === 'DESC';
    if (sortField.nullable) terms.push({ expr: `(${sortField.expr} is null)`, desc });
    terms.push({ expr: sortField.expr, desc });
  }
  terms.push({ expr: spec.key, desc: false });
  return terms;
}

export function orderBy(terms: Term[], reversed: boolean): string {
  return terms.map((t) => `${t.expr} ${t.desc !== reversed ? 'desc' : 'asc'}`).join(', ');
}

/**
 * Rows strictly after the cursor's row in the given order: (t0 > v0) or (t0 = v0 and t1 > v1) or …
 * Values are the terms' text forms, so they compare exactly (no lost microseconds).
 */
export function afterCursor(terms: Term[], values: (string | null)[], reversed: boolean): Condition {
  const alternatives: string[] = [];
  const bindings: unknown[] = [];
  terms.forEach((term, i) => {
    const value = values[i];
    if (value === null || value === undefined) return; // nothing sorts strictly after a null within its group
    const parts: string[] = [];
    for (let j = 0; j < i; j++) {
      parts.push(`${terms[j]!.expr} is not distinct from ?`);
      bindings.push(values[j]);
    }
    parts.push(`${term.expr} ${term.desc !== reversed ? '<' : '>'} ?`);
    bindings.push(value);
    alternatives.push(`(${parts.join(' and ')})`);
  });
  return alternatives.length > 0
    ? { sql: `(${alternatives.join(' or ')})`, bindings }
    : { sql: 'false', bindings: [] };
}

export function encodeCursor(values: (string | null)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64');
}

/** The values of a cursor this server made for these terms, or undefined when it is not one. */
export function decodeCursor(cursor: string, terms: Term[]): (string | null)[] | undefined {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    if (!Array.isArray(values) || values.length !== terms.length) return undefined;
    if (!values.every((v) => v === null || typeof v === 'string')) return undefined;
    return values as (string | null)[];
  } catch {
    return undefined;
  }
}
