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
