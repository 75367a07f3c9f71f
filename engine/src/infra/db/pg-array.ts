/**
 * A PostgreSQL array literal for a list of strings. Both drivers then bind it as plain text
 * (PGlite does not serialise JS arrays for custom element types such as enums).
 */
export function toPgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** The inverse for simple arrays: pg returns JS arrays for known types, PGlite and unknown types text. */
export function fromPgArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '{}') return [];
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((item) => item.replace(/^"|"$/g, '').replaceAll('\\"', '"').replaceAll('\\\\', '\\'));
}
