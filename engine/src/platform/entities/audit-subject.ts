import type { EntityTypeRegistry } from './entity-type-registry.js';
import type { PublishedType } from './published-type.js';

/** Whether records of the type are audit subjects themselves (`x-subject: "self"`, e.g. persons). */
export function isSubjectType(type: PublishedType | undefined): boolean {
  return type?.doc['x-subject'] === 'self';
}

/**
 * The subject a record's audit entries are filed under (`subject_person_id`): the record itself
 * for a subject type; the record named by its `x-subject` field; else its first one-to-one
 * relation to a subject type.
 */
export async function auditSubjectOf(
  types: EntityTypeRegistry,
  type: PublishedType,
  id: string,
  data: Record<string, unknown> | null,
): Promise<string | undefined> {
  const mark = type.doc['x-subject'];
  if (mark === 'self') return id;
  if (typeof mark === 'string') {
    const value = data?.[mark];
    return typeof value === 'string' ? value : undefined;
  }
  for (const [field, schema] of Object.entries(type.doc.properties)) {
    const relation = schema['x-relation'];
    const value = data?.[field];
    if (relation?.cardinality !== 'one' || typeof value !== 'string') continue;
    if (
      relation.target === type.name
        ? isSubjectType(type)
        : isSubjectType(await types.published(relation.target))
    )
      return value;
  }
  return undefined;
}
