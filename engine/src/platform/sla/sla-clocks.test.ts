import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseEnv } from '../../../test/test-server.js';
import { CalendarRegistry } from '../calendars/calendar-registry.js';
import { calendarKind } from '../calendars/calendar-kind.js';
import { createKnex, type Db } from '../../infra/db/create-knex.js';
import { DefinitionStore } from '../definitions/definition-store.js';
import type { SlaRecordChange } from './record-clocks.js';
import { officeCalendar, policyOf } from '../../../test/sla-fixtures.js';
import type { SlaMessage } from './sla-outbox.js';
import { slaPolicyKind } from './sla-policy.js';
import { SlaService } from './sla-service.js';

let db: Db;
let drop: () => Promise<void>;
let store: DefinitionStore;
let sla: SlaService;
let now = new Date();
const published: SlaMessage[] = [];

beforeAll(async () => {
  const database = await freshDatabaseEnv();
  drop = database.drop;
  db = createKnex({ kind: 'postgres', url: database.env.DATABASE_URL ?? '', poolMax: 4 });
  store = new DefinitionStore(db);
  store.register(calendarKind);
  store.register(slaPolicyKind);
  await store.saveDraft('calendar', 'office', officeCalendar);
  await store.publish('calendar', 'office');
  for (const policy of [
    policyOf('complaints', 10, 'complaint'),
    policyOf('incidents', 20, 'technical_incident'),
  ]) {
    await store.saveDraft('sla-policy', policy.id, policy);
    await store.publish('sla-policy', policy.id);
  }
  const workOrders = {
    ...policyOf('work-orders', 30, 'x'),
    appliesTo: 'work_order' as const,
    pauseStatuses: ['paused'],
  };
  delete workOrders.conditions;
  await store.saveDraft('sla-policy', workOrders.id, workOrders);
  await store.publish('sla-policy', workOrders.id);
  sla = new SlaService({
    db,
    definitions: store,
    calendars: new CalendarRegistry(store),
    publish: async (message) => published.push(message),
    publishUnlistened: true,
    now: () => now,
  });
});
afterAll(async () => {
  await db.destroy();
  await drop();
});

async function change(
  at: string,
  input: Omit<SlaRecordChange, 'before'> & { before?: SlaRecordChange['before'] },
) {
  now = new Date(at);
  await db.transaction((trx) => sla.onRecordChange({ before: null, ...input }, trx));
}

async function runAt(at: string) {
  now = new Date(at);
  return sla.runOnce();
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

async function clock(recordId: string, metric: string) {
  const row = await db('sla_clocks').where({ record_id: recordId, metric }).first();
  return {
    status: row.status,
    elapsedHours: Number(row.elapsed_ms) / 3_600_000,
    dueAt: iso(row.due_at),
    nextEventAt: iso(row.next_event_at),
    policy: `${row.policy_id}@${row.policy_version}`,
  };
}

async function timeline(recordId: string) {
  const rows = await db('sla_events').where({ record_id: recordId }).orderBy('id');
  return rows.map((r) => `${r.metric}:${r.event}${r.threshold ? `@${r.threshold}` : ''}`);
}

const caseId = '0b9c3d5e-0000-4000-8000-000000000001';
const opened = { type: 'complaint', status: 'open', priority: 'normal' };

describe('SLA clocks on a case', () => {
  it('start on creation with the first matching policy, in business time', async () => {
    await change('2030-03-04T08:00:00Z', { entityType: 'case', id: caseId, action: 'create', after: opened });
    expect(await clock(caseId, 'first_response')).toEqual({
      status: 'running',
      elapsedHours: 0,
      dueAt: '2030-03-04T12:00:00.000Z',
      nextEventAt: '2030-03-04T10:00:00.000Z',
      policy: 'complaints@1',
    });
    expect((await clock(caseId, 'resolution')).dueAt).toBe('2030-03-06T08:00:00.000Z');
  });

  it('fire the 50 % warning when it falls due, as a BPMN message through the outbox', async () => {
    expect(await runAt('2030-03-04T09:59:59Z')).toEqual({ clocks: 0, messages: 0 });
    expect(await runAt('2030-03-04T10:30:00Z')).toEqual({ clocks: 1, messages: 1 });
    expect(published).toEqual([
      {
        name: 'sla.warning',
        correlationKey: caseId,
        variables: {
          slaMetric: 'first_response',
          slaClockId: expect.any(String),
          slaDueAt: '2030-03-04T12:00:00.000Z',
          slaThreshold: 0.5,
        },
        messageId: expect.stringMatching(/^sla-\d+$/),
        timeToLive: 0,
      },
    ]);
    expect((await clock(caseId, 'first_response')).nextEventAt).toBe('2030-03-04T11:00:00.000Z');
  });

  it('pause while the case waits for the citizen, keeping the elapsed business time', async () => {
    await change('2030-03-04T11:00:00Z', {
      entityType: 'case',
      id: caseId,
      action: 'update',
      before: opened,
      after: { ...opened, status: 'pending_information' },
    });
    expect(await clock(caseId, 'first_response')).toMatchObject({
      status: 'paused',
      elapsedHours: 3,
      dueAt: null,
      nextEventAt: null,
    });
    expect(await runAt('2030-03-05T07:00:00Z')).toEqual({ clocks: 0, messages: 0 });
  });

  it('resume and fire what is overdue at once: the 75 % warning and the breach', async () => {
    await change('2030-03-05T08:00:00Z', {
      entityType: 'case',
      id: caseId,
      action: 'update',
      before: { ...opened, status: 'pending_information' },
      after: { ...opened, status: 'in_progress' },
    });
    expect(await clock(caseId, 'first_response')).toMatchObject({
      status: 'running',
      dueAt: '2030-03-05T09:00:00.000Z',
    });
    await runAt('2030-03-05T09:30:00Z');
    expect(await clock(caseId, 'first_response')).toMatchObject({ status: 'breached', nextEventAt: null });
    expect(published.map((m) => `${m.name}:${String(m.variables.slaThreshold ?? '')}`)).toEqual([
      'sla.warning:0.5',
      'sla.warning:0.75',
      'sla.breached:',
    ]);
  });

  it('re-target on a priority change with history, from the policy version the clock started with', async () => {
    const changed = policyOf('complaints', 10, 'complaint');
    changed.metrics.resolution = { urgent: 'PT2H', normal: 'P3D' };
    await store.saveDraft('sla-policy', 'complaints', changed);
    await store.publish('sla-policy', 'complaints');
    await change('2030-03-05T10:00:00Z', {
      entityType: 'case',
      id: caseId,
      action: 'update',
      before: { ...opened, status: 'in_progress' },
      after: { ...opened, status: 'in_progress', priority: 'urgent' },
    });
    expect(await clock(caseId, 'resolution')).toMatchObject({
      policy: 'complaints@1',
      dueAt: '2030-03-05T13:00:00.000Z',
    });
    const row = await db('sla_clocks').where({ record_id: caseId, metric: 'resolution' }).first();
    expect(row.target).toBe('PT8H');
    expect(row.history).toEqual([
      expect.objectContaining({
        reason: 'priority',
        priority: 'urgent',
        target: 'PT8H',
        fromTargetMs: 14 * 3_600_000,
      }),
    ]);
  });

  it('stop as met on resolution; a breached clock stays breached', async () => {
    await change('2030-03-05T11:00:00Z', {
      entityType: 'case',
      id: caseId,
      action: 'update',
      before: { ...opened, status: 'in_progress', priority: 'urgent' },
      after: { ...opened, status: 'resolved', priority: 'urgent' },
    });
    expect(await clock(caseId, 'resolution')).toMatchObject({
      status: 'met',
      elapsedHours: 6,
      nextEventAt: null,
    });
    expect((await clock(caseId, 'first_response')).status).toBe('breached');
    await runAt('2030-03-05T11:00:01Z');
    expect(published.at(-1)).toMatchObject({
      name: 'sla.met',
      variables: { slaMetric: 'resolution', slaDueAt: '2030-03-05T13:00:00.000Z' },
    });
    expect(await timeline(caseId)).toEqual([
      'first_response:started',
      'resolution:started',
      'first_response:warning@0.5',
      'first_response:paused',
      'resolution:paused',
      'first_response:resumed',
      'resolution:resumed',
      'first_response:warning@0.75',
      'first_response:breached',
      'first_response:retargeted',
      'resolution:retargeted',
      'resolution:met',
    ]);
  });
});

describe('SLA policy selection and other records', () => {
  it.each([
    ['technical_incident', ['incidents@1', 'incidents@1']],
    ['information_request', []],
  ])('a %s case gets %j', async (type, policies) => {
    const id = `0b9c3d5e-0000-4000-8000-0000000001${type.length}`;
    await change('2030-03-04T08:00:00Z', {
      entityType: 'case',
      id,
      action: 'create',
      after: { ...opened, type },
    });
    const rows = await db('sla_clocks').where({ record_id: id }).orderBy('metric');
    expect(rows.map((r) => `${r.policy_id}@${r.policy_version}`)).toEqual(policies);
  });

  it('an outbound interaction is the first response', async () => {
    const id = '0b9c3d5e-0000-4000-8000-000000000002';
    await change('2030-03-04T08:00:00Z', { entityType: 'case', id, action: 'create', after: opened });
    await change('2030-03-04T09:30:00Z', {
      entityType: 'interaction',
      id: '0b9c3d5e-0000-4000-8000-00000000a002',
      action: 'create',
      after: { caseId: id, direction: 'outbound' },
    });
    expect(await clock(id, 'first_response')).toMatchObject({ status: 'met', elapsedHours: 1.5 });
    expect((await clock(id, 'resolution')).status).toBe('running');
  });

  it('a work order follows the field system: paused, started again, finished', async () => {
    const id = '0b9c3d5e-0000-4000-8000-000000000003';
    const order = { caseId, status: 'accepted', priority: 'normal' };
    await change('2030-03-04T08:00:00Z', { entityType: 'work_order', id, action: 'create', after: order });
    const report = async (at: string, from: string, to: string) =>
      change(at, {
        entityType: 'work_order',
        id,
        action: 'update',
        before: { ...order, status: from },
        after: { ...order, status: to },
      });
    await report('2030-03-04T09:00:00Z', 'accepted', 'paused');
    expect((await clock(id, 'resolution')).status).toBe('paused');
    await report('2030-03-04T12:00:00Z', 'paused', 'started');
    await report('2030-03-04T13:00:00Z', 'started', 'finished');
    expect(await clock(id, 'resolution')).toMatchObject({ status: 'met', elapsedHours: 2 });
    const history = await db('sla_events').where({ record_id: id, metric: 'resolution' }).orderBy('id');
    expect(history.map((e) => `${e.event} ${e.data.status ?? ''}`)).toEqual([
      'started ',
      'paused paused',
      'resumed started',
      'met finished',
    ]);
  });

  it('a deleted record cancels its clocks', async () => {
    const id = '0b9c3d5e-0000-4000-8000-000000000004';
    await change('2030-03-04T08:00:00Z', { entityType: 'case', id, action: 'create', after: opened });
    await change('2030-03-04T09:00:00Z', {
      entityType: 'case',
      id,
      action: 'delete',
      before: opened,
      after: null,
    });
    expect((await clock(id, 'resolution')).status).toBe('cancelled');
    await runAt('2030-03-10T09:00:00Z');
    expect(await timeline(id)).toEqual([
      'first_response:started',
      'resolution:started',
      'first_response:cancelled',
      'resolution:cancelled',
    ]);
  });
});
