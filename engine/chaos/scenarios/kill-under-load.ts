/**
 * SIGKILL of the engine every few seconds while instances start and workers complete their jobs;
 * a new process starts after each kill. Every acknowledged start must complete, each job once.
 */
import { deploy } from '../api.js';
import { sleep } from '../audit.js';
import { serviceTasks } from '../bpmn.js';
import { settle, twiceProblems } from '../outcome.js';
import type { Context, Scenario } from '../scenario.js';
import { startStream } from '../starts.js';
import { Workers } from '../workers.js';

export const killUnderLoad: Scenario = {
  name: 'kill-under-load',
  budgetMs: { short: 180_000, full: 300_000 },
  async run(ctx: Context) {
    const count = ctx.pick(400, 2_000);
    const minKills = ctx.pick(3, 10);
    const everyMs = ctx.pick(3_000, 4_000);
    const { url, db } = await ctx.database();
    const engine = await ctx.engine(url, db);
    await deploy(engine.url, 'kill.bpmn', serviceTasks('chaos-kill', ['chaos-kill-1', 'chaos-kill-2']));
    const workers = new Workers(() => [engine.url], { leaseMs: 4_000 }).start(
      ['chaos-kill-1', 'chaos-kill-2'],
      2,
    );
    ctx.onCleanup(() => workers.stop());

    // Starts flow (at most `count`, 15 a second) until the kills are done.
    let faulting = true;
    const stream = startStream(() => [engine.url], 'chaos-kill', count, {
      prefix: 'kill',
      concurrency: 6,
      rate: 15,
      stopped: () => ctx.closed || !faulting,
    });
    const restartFailures: string[] = [];
    // Each round must leave time to settle: 60 s (30 s short) after the slowest restart so far.
    let slowestRestartMs = 0;
    while (
      engine.kills < minKills &&
      ctx.timeLeft() > ctx.pick(30_000, 60_000) + slowestRestartMs + everyMs
    ) {
      await sleep(everyMs);
      const restartAt = Date.now();
      await engine.kill();
      await engine.restart().catch((error: unknown) => restartFailures.push(String(error).slice(0, 300)));
      slowestRestartMs = Math.max(slowestRestartMs, Date.now() - restartAt);
      ctx.say(`kill ${engine.kills} done, engine back in ${Date.now() - restartAt} ms`);
    }
    faulting = false;
    const starts = await stream;
    ctx.say(`${starts.acknowledged.length} starts acknowledged; settling`);
    const outcome = await settle(
      db,
      'chaos-kill',
      starts,
      Math.min(ctx.pick(60_000, 120_000), ctx.remaining()),
    );
    await workers.stop();
    return {
      test: 'kill-under-load',
      load: `${starts.acknowledged.length}/${starts.acknowledged.length + starts.ambiguous.length} starts acked, 2 jobs`,
      faults: `${engine.kills} SIGKILLs every ${everyMs / 1000} s`,
      lost: outcome.lost,
      duplicated: outcome.duplicated + workers.doubleAcks(),
      stuck: outcome.stuck,
      problems: [
        ...twiceProblems(outcome),
        ...(workers.doubleAcks() ? [`jobs answered 204 twice: ${workers.doubleAcks()}`] : []),
        ...(engine.kills < minKills ? [`only ${engine.kills} of ${minKills} kills fit in the time`] : []),
        ...restartFailures.map((f) => `restart failed: ${f}`),
        ...engine.crashes.map((c) => `engine exited unasked: ${c.slice(0, 300)}`),
      ],
      notes: [
        `start answers other than 200: ${JSON.stringify(starts.statuses)}${starts.sampleError ? `, e.g. ${starts.sampleError}` : ''}`,
        `completion answers other than 204: ${JSON.stringify(workers.statuses())}${workers.sampleError ? `, e.g. ${workers.sampleError}` : ''}`,
      ],
    };
  },
};
