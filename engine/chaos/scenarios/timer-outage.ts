/**
 * Timers that come due while PostgreSQL is down: each must fire exactly once, and within 60 s of the
 * database coming back (the instance completes right after its timer fires).
 */
import { deploy } from '../api.js';
import { sleep } from '../audit.js';
import { timerCatch } from '../bpmn.js';
import { settle, twiceProblems } from '../outcome.js';
import type { Context, Scenario } from '../scenario.js';
import { startStream } from '../starts.js';

export const timerOutage: Scenario = {
  name: 'timer-outage',
  budgetMs: { short: 120_000, full: 330_000 },
  async run(ctx: Context) {
    const timers = ctx.pick(100, 1_000);
    const outageMs = ctx.pick(15_000, 120_000);
    const dueInS = ctx.pick(10, 45);
    const withinMs = 60_000;
    const { url, db } = await ctx.database();
    const engine = await ctx.engine(url, db);
    await deploy(engine.url, 'outage-timer.bpmn', timerCatch('chaos-outage'));

    const began = Date.now();
    const dueAt = began + dueInS * 1_000;
    const starts = await startStream(() => [engine.url], 'chaos-outage', timers, {
      prefix: 'outage',
      stopped: () => ctx.closed,
      concurrency: 8,
      variables: () => ({ delay: `PT${Math.max(1, Math.round((dueAt - Date.now()) / 1000))}S` }),
    });
    const problems: string[] = [];
    const downAt = Date.now();
    if (downAt > dueAt - 3_000)
      problems.push(`the starts took ${(downAt - began) / 1000} s: timers came due before the outage`);
    const firedEarly = await db.query<{ n: string }>(
      `select count(*) as n from history where event = 'TIMER_FIRED'`,
    );
    await ctx.cluster.stop('immediate');
    await sleep(outageMs);
    await ctx.cluster.start();
    const upAt = Date.now();
    let revived = false;
    await sleep(2_000);
    if (!engine.alive) {
      revived = true;
      await engine.restart();
    }
    const outcome = await settle(db, 'chaos-outage', starts, Math.min(withinMs + 30_000, ctx.remaining()));
    const late = await db.query<{ n: string; worst: string | null }>(
      `select count(*) filter (where end_date > $1) as n, max(end_date) as worst
         from process_instances where bpmn_process_id = 'chaos-outage' and state = 'COMPLETED'`,
      [new Date(upAt + withinMs)],
    );
    const lateCount = Number(late.rows[0]!.n);
    const lastMs = late.rows[0]!.worst ? new Date(late.rows[0]!.worst).getTime() - upAt : 0;
    return {
      test: 'timer-outage',
      load: `${starts.acknowledged.length}/${timers} timers due in the outage`,
      faults: `PostgreSQL down ${outageMs / 1000} s`,
      lost: outcome.lost,
      duplicated: outcome.duplicated,
      stuck: outcome.stuck,
      problems: [
        ...problems,
        ...twiceProblems(outcome),
        ...(Number(firedEarly.rows[0]!.n) ? [`${firedEarly.rows[0]!.n} timers fired before the outage`] : []),
        ...(lateCount ? [`${lateCount} timers fired later than ${withinMs / 1000} s after the restart`] : []),
        ...(revived ? ['the engine died with the database and had to be started again'] : []),
        ...engine.crashes.map((c) => `engine exited unasked: ${c.slice(0, 400)}`),
      ],
      notes: [
        `the last timer's instance completed ${(lastMs / 1000).toFixed(1)} s after PostgreSQL was back`,
      ],
    };
  },
};
