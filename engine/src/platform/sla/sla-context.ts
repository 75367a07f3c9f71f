import type { Knex } from 'knex';
import type { CalendarRegistry } from '../calendars/calendar-registry.js';
import type { SlaPolicies } from './sla-policies.js';

/** What the SLA clock operations share: the database, the definitions they read, and the clock. */
export interface SlaContext {
  db: Knex;
  policies: SlaPolicies;
  calendars: CalendarRegistry;
  now: () => Date;
}
