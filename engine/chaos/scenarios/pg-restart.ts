/**
 * PostgreSQL restarted in immediate mode (a crash and recovery) while instances start and workers
 * complete jobs. The engine must ride it out: no acknowledged start lost, nothing done twice, and the
 * process still up afterwards (it is restarted if it died, so the counts still mean something).
 */
import { deploy } from '../api.js';
import { sleep } from '../audit.js';
import { serviceTasks } from '../bpmn.js';
import { settle, twiceProblems } from '../outcome.js';
import type { Context, Scenario } from '../scenario.js';
import { startStream } from '../starts.js';
import { Workers } from '../workers.js';

export const pgRestart: Scenario = {
  name: 'pg-restart',
  budgetMs: { short: 120_000, full: 240_000 },
  async run(ctx: Context) {
    const count = ctx.pick(600, 3_000);
    const restarts = ctx.pick(2, 5);
    const { url, db } = await ctx.database();
    const engine = await ctx.engine(url, db);
    await deploy(engine.url, 'pgr.bpmn', serviceTasks('chaos-pgr', ['chaos-pgr-1']));
    const workers = new Workers(() => [engine.url], { leaseMs: 5_000 }).start(['chaos-pgr-1'], 2);
    ctx.onCleanup(() => workers.stop());

    // Starts flow (at most `count`, 20 a second) until the restarts are done.
    let faulting = true;
    const stream = startStream(() => [engine.url], 'chaos-pgr', count, {
      prefix: 'pgr',
      concurrency: 6,
      rate: 20,
      stopped: () => ctx.closed || !faulting,
    });
    let done = 0;
    let revived = 0;
    while (done < restarts && ctx.timeLeft() > ctx.pick(35_000, 90_000)) {
      await sleep(ctx.pick(2_500, 10_000));
      await ctx.cluster.restartImmediate();
      done++;
      ctx.say(`PostgreSQL restart ${done} done`);
    }
    await sleep(2_000);
    faulting = false;
    const starts = await stream;
    await sleep(3_000);
    if (!engine.alive) {
      revived++;
      await engine.restart();
    }
    const outcome = await settle(
      db,
      'chaos-pgr',
      starts,
      Math.min(ctx.pick(60_000, 120_000), ctx.remaining()),
    );
    await workers.stop();
    const answers = await fetch(`${engine.url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    return {
      test: 'pg-restart',
      load: `${starts.acknowledged.length}/${starts.acknowledged.length + starts.ambiguous.length} starts acked, 1 job`,
      faults: `${done} immediate PostgreSQL restarts`,
      lost: outcome.lost,
      duplicated: outcome.duplicated + workers.doubleAcks(),
      stuck: outcome.stuck,
      problems: [
        ...twiceProblems(outcome),
        ...(done < restarts ? [`only ${done} of ${restarts} restarts fit in the time`] : []),
        ...(revived ? ['the engine died with the database and had to be started again'] : []),
        ...engine.crashes.map((c) => `engine exited unasked: ${c.slice(0, 400)}`),
        ...(answers !== 200 ? [`/ready answered ${answers} after the restarts`] : []),
      ],
      notes: [
        `start answers other than 200: ${JSON.stringify(starts.statuses)}${starts.sampleError ? `, e.g. ${starts.sampleError}` : ''}`,
        `completion answers other than 204: ${JSON.stringify(workers.statuses())}${workers.sampleError ? `, e.g. ${workers.sampleError}` : ''}`,
      ],
    };
  },
};
