/** Conversions between database rows and runtime values, the same for pg and PGlite. */

/** int8 columns: strings from pg, numbers or bigints from PGlite; keys are strings everywhere else. */
export function keyOf(value: unknown): string {
  return String(value);
}

export function optionalKey(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** jsonb parameters: always sent as JSON text, so that strings and numbers are stored as such.
 *  (Both drivers return jsonb already parsed.) */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}
