import type { AlertsConfig } from '../../platform/notifications/alerts-config.js';

/**
 * The CRM's alerts: rule set `case-alerts` over case and work-order changes (a bulk load of
 * persons does not pay for alerts), with facts `case` (the record when it is a case) and `person`
 * (the case's person, or the record itself); `subject: "person"` alerts are about that person. The
 * sweep re-evaluates cases waiting for the citizen.
 */
export const crmAlerts: AlertsConfig = {
  ruleSet: 'case-alerts',
  alertedTypes: ['case', 'work_order'],
  async factsOf(subject, records, db) {
    const record = subject.data;
    const isCase = subject.entityType === 'case';
    const isPerson = subject.entityType === 'person';
    const personId = isCase
      ? typeof record.personId === 'string'
        ? record.personId
        : undefined
      : isPerson
        ? subject.id
        : undefined;
    const found = isPerson ? undefined : await records.get('person', personId, { db });
    const person = isPerson ? record : found ? { ...found.data, id: found.id } : undefined;
    return {
      facts: { ...(isCase ? { case: record } : {}), ...(person ? { person } : {}) },
      ...(personId ? { about: { entityType: 'person', id: personId } } : {}),
    };
  },
  sweep: { type: 'case', where: [{ field: 'status', equals: 'pending_information' }] },
};
