import type { Knex } from 'knex';
import type { EntityTypeDocument } from './entity-type.js';
import { invalidRecord, uuidPattern } from './record-problems.js';
import { existingIds } from './record-rows.js';
import type { Language } from './validation-messages.js';

const missing: Record<Language, (target: string) => string> = {
  ca: (target) => `no és l'identificador d'un registre ${target} existent`,
  es: (target) => `no es el identificador de un registro ${target} existente`,
  en: (target) => `is not the id of an existing ${target} record`,
};

/** Every x-relation field must hold ids of live records of its target type (a 422 otherwise). */
export async function checkReferences(
  db: Knex | Knex.Transaction,
  type: string,
  doc: EntityTypeDocument,
  data: Record<string, unknown>,
  language: Language,
): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  for (const [field, schema] of Object.entries(doc.properties)) {
    const relation = schema['x-relation'];
    const value = data[field];
    if (!relation || value === undefined || value === null) continue;
    const ids = (Array.isArray(value) ? value : [value]).map(String);
    const valid = ids.filter((id) => uuidPattern.test(id));
    const found = await existingIds(db, relation.target, valid);
    ids.forEach((id, index) => {
      if (found.has(id)) return;
      errors.push({
        path: Array.isArray(value) ? `/${field}/${index}` : `/${field}`,
        message: missing[language](relation.target),
      });
    });
  }
  if (errors.length > 0) throw invalidRecord(type, errors);
}
