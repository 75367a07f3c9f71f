/**
 * Two engine processes on one database; A reaches it through a TCP proxy that is cut for a while
 * (every connection dropped, new ones refused), B directly. Jobs leased by A's worker expire during
 * the cut and B's worker takes them over; timers come due during the cut. Nothing may be committed
 * twice (a stale worker's late completion must not count again), and A must work again afterwards.
 */
import { deploy } from '../api.js';
import { sleep } from '../audit.js';
import { serviceTasks, timerCatch } from '../bpmn.js';
import { settle, twiceProblems } from '../outcome.js';
import type { Context, Scenario } from '../scenario.js';
import { startStream } from '../starts.js';
import { TcpProxy } from '../tcp-proxy.js';
import { Workers } from '../workers.js';

export const networkCut: Scenario = {
  name: 'network-cut',
  budgetMs: { short: 180_000, full: 240_000 },
  async run(ctx: Context) {
    const count = ctx.pick(100, 600);
    const timers = ctx.pick(30, 200);
    const cutMs = ctx.pick(6_000, 30_000);
    const after = ctx.pick(20, 50);
    const leaseMs = ctx.pick(3_000, 5_000);
    const { url, db } = await ctx.database();
    const proxy = new TcpProxy(ctx.cluster.port);
    const proxyPort = await proxy.listen();
    ctx.onCleanup(() => proxy.close());
    const a = await ctx.engine(url.replace(`:${ctx.cluster.port}/`, `:${proxyPort}/`), db);
    const b = await ctx.engine(url, db);
    await deploy(b.url, 'cut.bpmn', serviceTasks('chaos-cut', ['chaos-cut-1']));
    await deploy(b.url, 'cut-timer.bpmn', timerCatch('chaos-cut-timer'));
    const urls = () => [a.url, b.url];
    const workers = new Workers(urls, { leaseMs }).start(['chaos-cut-1'], 2);
    ctx.onCleanup(() => workers.stop());

    const cutAfterMs = 3_000;
    const timerStarts = await startStream(urls, 'chaos-cut-timer', timers, {
      prefix: 'cut-timer',
      stopped: () => ctx.closed,
      variables: () => ({ delay: `PT${Math.ceil((cutAfterMs + 2_000) / 1000) + 1}S` }),
    });
    const stream = startStream(urls, 'chaos-cut', count, {
      stopped: () => ctx.closed,
      prefix: 'cut',
      rate: 20,
    });
    await sleep(cutAfterMs);
    proxy.cut(cutMs);
    await sleep(cutMs);
    const starts = await stream;
    // After the cut, A alone must start and run instances again.
    const afterwards = await startStream(() => [a.url], 'chaos-cut', after, {
      stopped: () => ctx.closed,
      prefix: 'cut-after',
    });
    const all = {
      ...starts,
      acknowledged: [...starts.acknowledged, ...afterwards.acknowledged],
      ambiguous: [...starts.ambiguous, ...afterwards.ambiguous],
    };
    const jobs = await settle(db, 'chaos-cut', all, Math.min(ctx.pick(60_000, 120_000), ctx.remaining()));
    const fired = await settle(
      db,
      'chaos-cut-timer',
      timerStarts,
      Math.min(ctx.pick(45_000, 60_000), ctx.remaining()),
    );
    await workers.stop();
    return {
      test: 'network-cut',
      load: `${all.acknowledged.length}/${count + after} jobs, ${timerStarts.acknowledged.length} timers, 2 engines`,
      faults: `${proxy.cuts} cut of ${cutMs / 1000} s (engine A), lease ${leaseMs / 1000} s`,
      lost: jobs.lost + fired.lost,
      duplicated: jobs.duplicated + fired.duplicated + workers.doubleAcks(),
      stuck: jobs.stuck + fired.stuck,
      problems: [
        ...twiceProblems(jobs),
        ...twiceProblems(fired),
        ...(workers.doubleAcks() ? [`jobs answered 204 twice: ${workers.doubleAcks()}`] : []),
        ...(afterwards.acknowledged.length < after
          ? [`after the cut, A acknowledged ${afterwards.acknowledged.length}/${after} starts`]
          : []),
        ...[...a.crashes, ...b.crashes].map((c) => `engine exited unasked: ${c.slice(0, 400)}`),
      ],
      notes: [
        `start answers other than 200: ${JSON.stringify(starts.statuses)}${starts.sampleError ? `, e.g. ${starts.sampleError}` : ''}`,
        `completion answers other than 204: ${JSON.stringify(workers.statuses())}`,
        `completions answered 204 after their lease had expired (allowed while nobody else completed the job): ${workers.lateAcks}`,
      ],
    };
  },
};
