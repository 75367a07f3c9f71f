import type { Knex } from 'knex';
import type { FieldCondition, SystemRecords } from '../entities/system-records.js';

/** The record an alert is evaluated on. */
export interface AlertSubject {
  entityType: string;
  id: string;
  data: Record<string, unknown>;
}

/** Facts a domain adds for a record (e.g. the CRM's `case` and `person`), and whom the record is about. */
export interface SubjectFacts {
  facts: Record<string, unknown>;
  /** The record alerts with `subject: "<its type>"` are about (e.g. the case's person). */
  about?: { entityType: string; id: string };
}

/**
 * What the domain (the CRM) configures for the platform's alerts: the rule set, the record types
 * whose changes are evaluated, the facts of a record, and which records the periodic sweep
 * re-evaluates.
 */
export interface AlertsConfig {
  ruleSet: string;
  /** A bulk load of other types does not pay for alerts. */
  alertedTypes: readonly string[];
  factsOf(subject: AlertSubject, records: SystemRecords, db: Knex): Promise<SubjectFacts>;
  sweep?: { type: string; where: readonly FieldCondition[] };
}

/** No domain: every record type's changes evaluate the `alerts` rule set with `record` only. */
export const genericAlerts: AlertsConfig = {
  ruleSet: 'alerts',
  alertedTypes: [],
  factsOf: async () => ({ facts: {} }),
};
