import { columnsOf, insertEvents, stateOf, type ClockRow } from './clock-rows.js';
import { fireScheduled, scheduleOf, type ClockEvent } from './clock-state.js';
import type { SlaContext } from './sla-context.js';

const leaseMs = 30_000;

/**
 * Fires the warnings and breaches that fell due: claims due clocks with `FOR UPDATE SKIP LOCKED`
 * and a lease (so several engine processes share the work), then writes their new state, events
 * and outbox rows in one transaction. A clock changed meanwhile by its record (another revision)
 * is left alone: that change already re-scheduled it. Returns how many clocks were claimed.
 */
export async function fireDueClocks(ctx: SlaContext, limit: number): Promise<number> {
  const now = ctx.now();
  const { rows } = await ctx.db.raw<{ rows: ClockRow[] }>(
    `with due as (
       select id from sla_clocks
        where next_event_at <= ? and (claimed_until is null or claimed_until < ?)
        order by next_event_at limit ? for update skip locked)
     update sla_clocks set claimed_until = ? from due where sla_clocks.id = due.id returning sla_clocks.*`,
    [now, now, limit, new Date(now.getTime() + leaseMs)],
  );
  if (rows.length === 0) return 0;
  const updates: Record<string, unknown>[] = [];
  const timeline: { row: ClockRow; event: ClockEvent; dueAt: Date | null }[] = [];
  for (const row of rows) {
    const calendar = await ctx.calendars.load(row.calendar_id);
    if (!calendar) continue;
    let state = stateOf(row);
    let schedule = scheduleOf(state, calendar);
    const events: ClockEvent[] = [];
    while (schedule.nextEventAt && schedule.nextEventAt.getTime() <= now.getTime()) {
      const fired = fireScheduled(state, schedule);
      state = fired.state;
      events.push(...fired.events);
      schedule = scheduleOf(state, calendar);
    }
    const columns = columnsOf(undefined, state, schedule, now);
    updates.push({ ...columns, id: row.id, revision: row.revision, fired: state.fired });
    for (const event of events) timeline.push({ row, event, dueAt: schedule.dueAt });
  }
  await ctx.db.transaction(async (trx) => {
    const { rows: done } = await trx.raw<{ rows: { id: string }[] }>(
      `update sla_clocks c set status = v.status, breached_at = v.breached_at, fired = v.fired,
              due_at = v.due_at, next_event_at = v.next_event_at, next_event = v.next_event,
              next_threshold = v.next_threshold, claimed_until = null, revision = c.revision + 1,
              updated_at = v.updated_at
         from jsonb_to_recordset(?::jsonb) as v(id uuid, revision int, status text, breached_at timestamptz,
              fired jsonb, due_at timestamptz, next_event_at timestamptz, next_event text,
              next_threshold double precision, updated_at timestamptz)
        where c.id = v.id and c.revision = v.revision
        returning c.id`,
      [JSON.stringify(updates)],
    );
    const kept = new Set(done.map((d) => d.id));
    await insertEvents(
      trx,
      timeline.filter((t) => kept.has(t.row.id)),
      ctx.now(),
    );
  });
  return rows.length;
}
