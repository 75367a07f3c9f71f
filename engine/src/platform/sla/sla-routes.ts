import type { Knex } from 'knex';
import { definitionRoutes } from '../definitions/definition-routes.js';
import type { DefinitionStore } from '../definitions/definition-store.js';
import { badRequest } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import type { CalendarRegistry } from '../calendars/calendar-registry.js';
import { stateOf, type ClockRow } from './clock-rows.js';
import { elapsedAt } from './clock-state.js';
import { slaPolicyKindName } from './sla-policies.js';

function recordParams(query: Record<string, unknown>): { recordType: string; recordId: string } {
  const { recordType, recordId } = query;
  const errors = [
    ...(typeof recordType === 'string' && recordType !== ''
      ? []
      : [{ path: 'recordType', message: 'is required' }]),
    ...(typeof recordId === 'string' && recordId !== ''
      ? []
      : [{ path: 'recordId', message: 'is required' }]),
  ];
  if (errors.length > 0) throw badRequest('Say which record: recordType and recordId.', errors);
  return { recordType: String(recordType), recordId: String(recordId) };
}

/** SLA policies as definitions (contract C4), and a record's clocks and SLA timeline. */
export function slaRoutes(
  router: SecureRouter,
  deps: { db: Knex; definitions: DefinitionStore; calendars: CalendarRegistry },
): void {
  definitionRoutes(router, deps.definitions, {
    kind: slaPolicyKindName,
    basePath: '/api/v1/sla-policies',
    read: 'sla.read',
    write: 'sla.write',
  });

  router.get('/api/v1/sla/clocks', 'sla.read', async (req, res) => {
    const { recordType, recordId } = recordParams(req.query);
    const rows = (await deps
      .db('sla_clocks')
      .where({ record_type: recordType, record_id: recordId })
      .orderBy('metric')) as ClockRow[];
    const now = new Date();
    const items = [];
    for (const row of rows) {
      const calendar = await deps.calendars.load(row.calendar_id);
      const state = stateOf(row);
      items.push({
        id: row.id,
        metric: row.metric,
        status: row.status,
        policy: { id: row.policy_id, version: row.policy_version },
        calendar: row.calendar_id,
        priority: row.priority,
        target: row.target,
        elapsedSeconds: Math.round((calendar ? elapsedAt(state, now, calendar) : state.elapsedMs) / 1000),
        startedAt: row.started_at,
        pausedAt: row.paused_at,
        stoppedAt: row.stopped_at,
        dueAt: row.due_at,
        breachedAt: row.breached_at,
        nextEvent: row.next_event
          ? { name: row.next_event, at: row.next_event_at, threshold: row.next_threshold }
          : null,
        history: row.history,
      });
    }
    res.json({ items });
  });

  router.get('/api/v1/sla/events', 'sla.read', async (req, res) => {
    const { recordType, recordId } = recordParams(req.query);
    const rows = await deps
      .db('sla_events')
      .where({ record_type: recordType, record_id: recordId })
      .orderBy('id')
      .limit(1000);
    res.json({
      items: rows.map((r) => ({
        id: String(r.id),
        clockId: r.clock_id,
        metric: r.metric,
        event: r.event,
        threshold: r.threshold,
        scheduledAt: r.scheduled_at,
        occurredAt: r.occurred_at,
        dueAt: r.due_at,
        data: r.data,
      })),
    });
  });
}
