import { nextTimerDue } from '../../core/feel/timers.js';
import { transactionScript } from '../../infra/db/pipelined-pg-client.js';
import { render } from '../../infra/db/sql-literal.js';
import type { EngineContext } from '../types.js';
import { definitionByKey } from '../store/instance-rows.js';
import { startInstance } from './instances.js';
import { keyOf } from '../store/rows.js';

interface TimerRow {
  key: unknown;
  owner_key: unknown;
  element_id: string;
  process_instance_key: unknown;
  process_definition_key: unknown;
  due_at: Date;
  repetitions: number | null;
  interval: string | null;
}

const leaseMs = 30_000;

/**
 * Claims due timers for this process; another process skips them while the lease holds. The lease
 * is committed without waiting for the disk: lost in a crash of the database, it has simply expired.
 */
export async function claimDueTimers(ctx: EngineContext, limit: number): Promise<TimerRow[]> {
  const now = ctx.now();
  const sql = render(
    `with due as (
       select key from timers
        where state = 'ACTIVE' and due_at <= ? and (claimed_until is null or claimed_until < ?)
        order by due_at limit ? for update skip locked)
     update timers set claimed_until = ? from due where timers.key = due.key returning timers.*`,
    [now, now, limit, new Date(now.getTime() + leaseMs)],
  );
  const [result] = await transactionScript(ctx.db, [sql], { durable: false });
  return result!.rows as unknown as TimerRow[];
}

/** Fires one timer in its own transaction: a cancelled or already fired timer does nothing. */
export async function fireTimer(ctx: EngineContext, timer: TimerRow): Promise<void> {
  const instanceKey = timer.process_instance_key === null ? undefined : keyOf(timer.process_instance_key);
  await ctx.commands.submit({ instanceKey }, async (session) => {
    const { trx } = session;
    if (instanceKey) await session.snapshot(instanceKey);
    const fired = await trx('timers')
      .where({ key: timer.key, state: 'ACTIVE' })
      .update({ state: 'TRIGGERED' });
    if (fired === 0) return;
    const repeat = timer.repetitions !== null && timer.repetitions !== 0 && timer.interval;
    if (!instanceKey) {
      const definition = await definitionByKey(trx, ctx, keyOf(timer.process_definition_key));
      if (definition) await startInstance(session, definition, {}, timer.element_id);
    } else {
      const ownerKey = keyOf(timer.owner_key);
      await session.run(
        instanceKey,
        { type: 'trigger', ownerKey, elementId: timer.element_id, variables: {} },
        [
          {
            processInstanceKey: instanceKey,
            elementInstanceKey: ownerKey,
            elementId: timer.element_id,
            event: 'TIMER_FIRED',
            data: { timerKey: keyOf(timer.key) },
          },
        ],
      );
      // A cycle goes on only while its owner still waits (a non-interrupting event).
      const snapshot = await session.snapshot(instanceKey);
      if (!snapshot?.elements.has(ownerKey)) return;
    }
    if (!repeat) return;
    const left = timer.repetitions! >= 0 ? timer.repetitions! : undefined;
    const next = nextTimerDue('cycle', timer.interval!, session.now, timer.due_at, left);
    if (!next.ok) return;
    await trx('timers').insert({
      key: ctx.keys.source().next(),
      owner_key: timer.owner_key,
      element_id: timer.element_id,
      process_instance_key: timer.process_instance_key,
      process_definition_key: timer.process_definition_key,
      due_at: next.due,
      repetitions: next.repetitionsLeft ?? -1,
      interval: timer.interval,
      state: 'ACTIVE',
    });
  });
}

/** When the next timer is due (for the scheduler's sleep), if any. */
export async function nextDue(ctx: EngineContext): Promise<Date | undefined> {
  const row = await ctx.db('timers').where({ state: 'ACTIVE' }).min({ due: 'due_at' }).first();
  return row?.due ? new Date(row.due as string | Date) : undefined;
}
