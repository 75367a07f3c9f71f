/** Conversions from database values to Camunda's JSON: int64 keys as strings, dates as ISO 8601. */

export function keyOf(value: unknown): string {
  return String(value);
}

export function nullableKey(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

export function isoDate(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function nullableIsoDate(value: unknown): string | null {
  return value === null || value === undefined ? null : isoDate(value);
}

/** Dates stored as text (user task due and follow-up dates): ISO 8601 when they read as one, else null. */
export function textDate(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * jsonb columns are selected as `::text` and parsed here: the drivers disagree on whether they parse
 * jsonb, and a parsed JSON string is indistinguishable from JSON text.
 */
export function fromJsonText<T>(value: unknown): T {
  return (value === null || value === undefined ? null : JSON.parse(String(value))) as T;
}
