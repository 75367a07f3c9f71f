import type { Knex } from 'knex';
import type { SystemRecords } from '../entities/system-records.js';
import { openTaskCounts } from '../../process-engine/user-task-reads.js';

/** Answers whether an instant is inside a calendar's working hours (the calendars part provides it). */
export interface WorkingHoursProbe {
  isWorkingTime(calendarId: string, at: Date): Promise<boolean | undefined>;
}

export interface FactContext {
  db: Knex;
  now: Date;
  /** The facts the caller supplied (case, person, variables ...). */
  input: Record<string, unknown>;
  workingHours?: WorkingHoursProbe;
  /** Records, read through the entity store (read-audited); facts over records are undefined without. */
  records?: SystemRecords;
}

/** A fact the platform computes on demand, from the supplied facts and the database. */
export interface ComputedFact {
  name: string;
  resolve(params: Record<string, unknown>, context: FactContext): Promise<unknown>;
}

/** Facts a caller supplies; rules may use them without declaring them. */
export const suppliedFacts = [
  'case',
  'person',
  'record',
  'workOrder',
  'variables',
  'event',
  'sla',
  'agent',
  'change',
] as const;

const closedStatuses = ['resolved', 'closed'];

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

function personIdOf(params: Record<string, unknown>, input: Record<string, unknown>): string | undefined {
  return (
    text(params.personId) ??
    text(field(input.person, 'id')) ??
    text(field(input.case, 'personId')) ??
    text(field(input.record, 'personId'))
  );
}

export const personOpenCases: ComputedFact = {
  name: 'personOpenCases',
  async resolve(params, { db, input, records }) {
    const personId = personIdOf(params, input);
    if (!personId || !records) return 0;
    const caseType = text(params.type);
    return records.count(
      'case',
      [
        { field: 'personId', equals: personId },
        { field: 'status', notIn: closedStatuses, otherwise: 'open' },
        ...(caseType ? [{ field: 'type', equals: caseType }] : []),
      ],
      { db },
    );
  },
};

export const agentOpenTasks: ComputedFact = {
  name: 'agentOpenTasks',
  async resolve(params, { db, input }) {
    const agent = text(params.agent) ?? text(field(input.agent, 'username')) ?? text(input.agent);
    if (!agent) return 0;
    return (await openTaskCounts(db, [agent])).get(agent) ?? 0;
  },
};

export const inWorkingHours: ComputedFact = {
  name: 'inWorkingHours',
  async resolve(params, { now, workingHours }) {
    const calendar = text(params.calendar);
    if (!calendar || !workingHours) return undefined;
    const at = text(params.at) ? new Date(String(params.at)) : now;
    return workingHours.isWorkingTime(calendar, Number.isNaN(at.getTime()) ? now : at);
  },
};

/** Days since the record was last changed (e.g. a case waiting for the citizen's documents). */
export const daysSinceUpdate: ComputedFact = {
  name: 'daysSinceUpdate',
  async resolve(params, { db, now, input, records }) {
    const id = text(params.recordId) ?? text(field(input.record, 'id')) ?? text(field(input.case, 'id'));
    const updatedAt = await records?.updatedAt(id, { db });
    if (!updatedAt) return undefined;
    return Math.floor((now.getTime() - updatedAt.getTime()) / 86_400_000);
  },
};

export const computedFacts: readonly ComputedFact[] = [
  personOpenCases,
  agentOpenTasks,
  inWorkingHours,
  daysSinceUpdate,
];

export const builtInFacts: ReadonlySet<string> = new Set([
  ...suppliedFacts,
  ...computedFacts.map((fact) => fact.name),
]);
