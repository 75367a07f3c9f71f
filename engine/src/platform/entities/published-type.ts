import type { EntityTypeDocument } from './entity-type.js';
import { compileRecordValidator, type RecordValidator } from './record-validator.js';

/** A published entity-type version, compiled for validating records. */
export interface PublishedType {
  name: string;
  version: number;
  doc: EntityTypeDocument;
  validator: RecordValidator;
  publishedAt: string;
}

export function compilePublished(
  name: string,
  version: number,
  doc: EntityTypeDocument,
  publishedAt: Date | string,
): PublishedType {
  return {
    name,
    version,
    doc,
    validator: compileRecordValidator(doc),
    publishedAt: new Date(publishedAt).toISOString(),
  };
}

/** The type's title in a language, falling back to its name. */
export function labelOf(doc: EntityTypeDocument): { ca: string; es: string; en: string } {
  return doc['x-label'];
}

/** The person a record's audit trail belongs to: the record itself, or its first person reference. */
export function subjectPersonOf(
  type: string,
  id: string,
  doc: EntityTypeDocument,
  data: Record<string, unknown> | null,
): string | undefined {
  if (type === 'person') return id;
  for (const [field, schema] of Object.entries(doc.properties)) {
    const relation = schema['x-relation'];
    const value = data?.[field];
    if (relation?.target === 'person' && relation.cardinality === 'one' && typeof value === 'string')
      return value;
  }
  return undefined;
}
