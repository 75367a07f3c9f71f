import type { AuditChange } from '../audit/append-audit.js';
import type { EntityTypeDocument } from './entity-type.js';
import { auditValue } from './field-security.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7396 JSON merge patch. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}

/** Each top-level field that differs, with its old and new value as the audit keeps them. */
export function fieldChanges(
  doc: EntityTypeDocument,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChange[] = [];
  for (const key of [...keys].sort()) {
    const old = before?.[key];
    const next = after?.[key];
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    const schema = doc.properties[key];
    changes.push({
      path: `/${key}`,
      ...(old === undefined ? {} : { old: auditValue(schema, old) }),
      ...(next === undefined ? {} : { new: auditValue(schema, next) }),
    });
  }
  return changes;
}
