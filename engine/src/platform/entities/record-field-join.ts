/**
 * For aggregations owned by other modules over rows that name a record (e.g. SLA clocks by the
 * case's area): the join to the record and the SQL of one top-level field of its data, as text.
 * The field name is checked and written into the SQL; the columns are the caller's SQL.
 */
export function recordFieldJoin(
  field: string,
  on: { typeColumn: string; idColumn: string },
): { join: string; value: string } {
  if (!/^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/.test(field)) throw new Error(`"${field}" is not a field name`);
  return {
    join: `left join records rec on rec.type = ${on.typeColumn} and rec.id::text = ${on.idColumn}`,
    value: `rec.data->>'${field}'`,
  };
}
