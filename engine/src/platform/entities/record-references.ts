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

interface Reference {
  record: number;
  path: string;
  id: string;
}

/** The ids one x-relation field holds across the records, with where each sits. */
function referencesOf(records: readonly Record<string, unknown>[], field: string): Reference[] {
  const references: Reference[] = [];
  records.forEach((data, record) => {
    const value = data[field];
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) references.push({ record, path: `/${field}`, id: String(value) });
    else value.forEach((id, i) => references.push({ record, path: `/${field}/${i}`, id: String(id) }));
  });
  return references;
}

/**
 * The x-relation values of the records that are not ids of live records of their target type: one
 * query per relation field, however many records. Each error's path is `pathOf(record, /field…)`.
 */
export async function referenceErrors(
  db: Knex | Knex.Transaction,
  doc: EntityTypeDocument,
  records: readonly Record<string, unknown>[],
  language: Language,
  pathOf: (record: number, path: string) => string = (_record, path) => path,
): Promise<{ path: string; message: string }[]> {
  const errors: { record: number; path: string; message: string }[] = [];
  for (const [field, schema] of Object.entries(doc.properties)) {
    const relation = schema['x-relation'];
    if (!relation) continue;
    const references = referencesOf(records, field);
    if (references.length === 0) continue;
    const valid = [...new Set(references.map((r) => r.id).filter((id) => uuidPattern.test(id)))];
    const found = await existingIds(db, relation.target, valid);
    for (const reference of references) {
      if (found.has(reference.id)) continue;
      errors.push({
        record: reference.record,
        path: pathOf(reference.record, reference.path),
        message: missing[language](relation.target),
      });
    }
  }
  return errors.sort((a, b) => a.record - b.record).map(({ path, message }) => ({ path, message }));
}

/** Every x-relation field must hold ids of live records of its target type (a 422 otherwise). */
export async function checkReferences(
  db: Knex | Knex.Transaction,
  type: string,
  doc: EntityTypeDocument,
  data: Record<string, unknown>,
  language: Language,
): Promise<void> {
  const errors = await referenceErrors(db, doc, [data], language);
  if (errors.length > 0) throw invalidRecord(type, errors);
}
