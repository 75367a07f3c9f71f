import type { Knex } from 'knex';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuid.test(value);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A live record's data with its id, or undefined. */
export async function loadRecord(
  db: Knex,
  type: string,
  id: unknown,
): Promise<Record<string, unknown> | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db('records').where({ id, type }).whereNull('deleted_at').first('data');
  return row ? { ...(row.data as Record<string, unknown>), id } : undefined;
}

/**
 * The facts of a process: its variables, the case (the `case` variable, else the record named by
 * `caseId`) and the person (the `person` variable, else the case's or `personId`'s record).
 */
export async function processFacts(
  db: Knex,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const facts: Record<string, unknown> = { variables };
  const theCase = isObject(variables.case) ? variables.case : await loadRecord(db, 'case', variables.caseId);
  if (theCase) facts.case = theCase;
  const person = isObject(variables.person)
    ? variables.person
    : await loadRecord(db, 'person', variables.personId ?? theCase?.personId);
  if (person) facts.person = person;
  return facts;
}
