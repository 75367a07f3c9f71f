import type { Role } from '../auth/roles.js';
import { AppError, badRequest } from '../../infra/errors/app-error.js';
import type { EntityTypeDocument } from './entity-type.js';
import { isReadable, readableData } from './field-security.js';
import type { StoredRecord } from './record-rows.js';

export interface RecordView {
  id: string;
  type: string;
  version: number;
  schemaVersion: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  data: Record<string, unknown>;
}

/** The `fields=` selection, checked against the type and the caller's read rights. */
export function selectedFields(
  doc: EntityTypeDocument,
  fields: string[] | undefined,
  roles: readonly Role[],
): Set<string> | undefined {
  if (!fields) return undefined;
  for (const field of fields) {
    if (!(field in doc.properties))
      throw badRequest(`"${field}" is not a field of this type.`, [
        { path: 'fields', message: `unknown field "${field}"` },
      ]);
    if (!isReadable(doc, field, roles)) {
      throw new AppError('forbidden', 'field-not-readable', `Your roles may not read "${field}".`, {
        errors: [{ path: 'fields', message: `your roles may not read "${field}"` }],
      });
    }
  }
  return new Set(fields);
}

/** A record as the API returns it to a caller with these roles. */
export function recordView(
  record: StoredRecord,
  doc: EntityTypeDocument,
  roles: readonly Role[],
  fields?: Set<string>,
): RecordView {
  const data = readableData(doc, record.data, roles);
  if (fields) for (const key of Object.keys(data)) if (!fields.has(key)) delete data[key];
  return {
    id: record.id,
    type: record.type,
    version: record.version,
    schemaVersion: record.schemaVersion,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy,
    data,
  };
}
