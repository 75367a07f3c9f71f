import type { Role } from '../auth/roles.js';
import { AppError } from '../../infra/errors/app-error.js';
import type { EntityTypeDocument, FieldSchema } from './entity-type.js';
import { maskValue } from './masking.js';

export type FieldAccess = 'clear' | 'masked' | 'hidden';

const granted = (allowed: Role[] | undefined, roles: readonly Role[]) =>
  allowed === undefined || roles.some((role) => allowed.includes(role));

/** How a caller with these roles sees one field. */
export function fieldAccess(schema: FieldSchema | undefined, roles: readonly Role[]): FieldAccess {
  if (!schema || granted(schema['x-read-roles'], roles)) return 'clear';
  return schema['x-mask'] ? 'masked' : 'hidden';
}

/** A field's value as the audit log keeps it: masked when the field declares x-mask. */
export function auditValue(schema: FieldSchema | undefined, value: unknown): unknown {
  return schema?.['x-mask'] && value !== undefined ? maskValue(value, schema['x-mask']) : value;
}

/** The record's data as these roles may see it: unreadable fields masked (x-mask) or left out. */
export function readableData(
  doc: EntityTypeDocument,
  data: Record<string, unknown>,
  roles: readonly Role[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    const schema = doc.properties[field];
    const access = fieldAccess(schema, roles);
    if (access === 'clear') out[field] = value;
    else if (access === 'masked') out[field] = maskValue(value, schema!['x-mask']!);
  }
  return out;
}

/** The top-level fields a caller may read at all (clear or masked), for field selection and filters. */
export function isReadable(doc: EntityTypeDocument, field: string, roles: readonly Role[]): boolean {
  return fieldAccess(doc.properties[field], roles) !== 'hidden';
}

/** Filtering or sorting by a field reveals its value, so it needs clear read access. */
export function isReadableInClear(doc: EntityTypeDocument, field: string, roles: readonly Role[]): boolean {
  return fieldAccess(doc.properties[field], roles) === 'clear';
}

/** A 403 naming every field of the write that these roles may not write. */
export function assertWritable(
  doc: EntityTypeDocument,
  fields: Iterable<string>,
  roles: readonly Role[],
): void {
  const refused = [...fields].filter((field) => !granted(doc.properties[field]?.['x-write-roles'], roles));
  if (refused.length === 0) return;
  throw new AppError(
    'forbidden',
    'field-not-writable',
    `Your roles may not write ${refused.map((f) => `"${f}"`).join(', ')}.`,
    {
      errors: refused.map((field) => ({ path: `/${field}`, message: 'your roles may not write this field' })),
    },
  );
}
