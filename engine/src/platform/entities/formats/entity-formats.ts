import type { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isValidBIC, isValidIBAN } from 'ibantools';
import { toE164 } from './phone.js';
import {
  isSpanishPostcode,
  isValidCompanyNif,
  isValidDni,
  isValidNie,
  isValidSpanishDocument,
} from './spanish-ids.js';

const compact = (value: string) => value.replace(/\s/g, '').toUpperCase();

/** The formats an entity type may use; `phone` values are normalised to E.164 before validation. */
export const entityFormats: Record<string, (value: string) => boolean> = {
  dni: isValidDni,
  nie: isValidNie,
  nif: isValidCompanyNif,
  'es-document': isValidSpanishDocument,
  iban: (value) => isValidIBAN(compact(value)),
  bic: (value) => isValidBIC(compact(value)),
  phone: (value) => /^\+[1-9]\d{6,14}$/.test(value) && toE164(value) === value,
  'postcode-es': isSpanishPostcode,
};

export function addEntityFormats(ajv: Ajv2020): void {
  addFormats.default(ajv, ['email', 'date', 'date-time', 'time', 'uri', 'uuid', 'duration']);
  for (const [name, validate] of Object.entries(entityFormats))
    ajv.addFormat(name, { type: 'string', validate });
}
