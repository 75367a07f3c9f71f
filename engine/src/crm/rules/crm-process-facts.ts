import type { SystemRecords } from '../../platform/entities/system-records.js';
import type { ProcessFacts } from '../../platform/rules/rules-worker.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The facts of a CRM process for its business-rule tasks: its variables, the case (the `case`
 * variable, else the record named by `caseId`) and the person (the `person` variable, else the
 * case's or `personId`'s record), read through the entity store.
 */
export function crmProcessFacts(records: SystemRecords): ProcessFacts {
  const load = async (type: string, id: unknown): Promise<Record<string, unknown> | undefined> => {
    const found = await records.get(type, id);
    return found ? { ...found.data, id: found.id } : undefined;
  };
  return async (variables) => {
    const facts: Record<string, unknown> = { variables };
    const theCase = isObject(variables.case) ? variables.case : await load('case', variables.caseId);
    if (theCase) facts.case = theCase;
    const person = isObject(variables.person)
      ? variables.person
      : await load('person', variables.personId ?? theCase?.personId);
    if (person) facts.person = person;
    return facts;
  };
}
