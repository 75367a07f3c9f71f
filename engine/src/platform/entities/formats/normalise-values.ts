import { toE164 } from './phone.js';

type Schema = Record<string, unknown>;

const normalisers: Record<string, (value: string) => string> = {
  phone: (value) => toE164(value) ?? value,
  iban: (value) => value.replace(/\s/g, '').toUpperCase(),
  bic: (value) => value.replace(/\s/g, '').toUpperCase(),
  dni: (value) => value.replace(/[\s.-]/g, '').toUpperCase(),
  nie: (value) => value.replace(/[\s.-]/g, '').toUpperCase(),
  nif: (value) => value.replace(/[\s.-]/g, '').toUpperCase(),
  'es-document': (value) => value.replace(/[\s.-]/g, '').toUpperCase(),
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of `value` with formatted strings in their canonical form (phones in E.164, IBANs without
 * spaces, documents upper-cased), following the schema's properties and items.
 */
export function normaliseValues(schema: unknown, value: unknown): unknown {
  if (!isObject(schema)) return value;
  const s = schema as Schema;
  if (typeof value === 'string' && typeof s.format === 'string') {
    const normalise = normalisers[s.format];
    return normalise ? normalise(value) : value;
  }
  if (Array.isArray(value) && s.items !== undefined)
    return value.map((item) => normaliseValues(s.items, item));
  if (isObject(value) && isObject(s.properties)) {
    const properties = s.properties;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = normaliseValues(properties[key], item);
    return out;
  }
  return value;
}
