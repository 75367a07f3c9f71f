/**
 * SQL text with its values written as literals, for statements that share one message with others
 * (the simple query protocol has no parameters). Strings with a backslash use the E'…' form, which
 * reads the same whatever standard_conforming_strings says.
 */
export type SqlValue = string | number | bigint | boolean | Date | null | undefined;

export function literal(value: SqlValue): string {
  if (value === null || value === undefined) return 'NULL';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot write ${value} as SQL`);
      // In parentheses when negative: `-1::text` would read as `-(1::text)`.
      return value < 0 ? `(${value})` : String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string': {
      const quoted = value.replaceAll("'", "''");
      return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
    }
    default:
      return `'${value.toISOString()}'`;
  }
}

/** Replaces each `?` of `sql` by the next value as a literal. `sql` itself must hold no other `?`. */
export function render(sql: string, values: readonly SqlValue[]): string {
  let index = 0;
  const text = sql.replace(/\?/g, () => {
    if (index >= values.length) throw new RangeError('more placeholders than values');
    return literal(values[index++]);
  });
  if (index !== values.length) throw new RangeError('more values than placeholders');
  return text;
}

/** `(v, v, …), (v, v, …)` for a multi-row VALUES list. */
export function valuesList(rows: readonly (readonly SqlValue[])[]): string {
  return rows.map((row) => `(${row.map(literal).join(', ')})`).join(', ');
}

export type SqlRow = Record<string, SqlValue>;
