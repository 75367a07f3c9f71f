import type { Logger } from '../../infra/logging/logger.js';
import type { EngineContext } from '../types.js';
import { deleteExpiredMessages } from '../commands/messages.js';
import { claimDueTimers, fireTimer, nextDue } from '../commands/timers.js';

const batch = 200;
const maxSleepMs = 1_000;

/**
 * The engine's own loops: fire due timers (claimed with SKIP LOCKED, so several engine processes
 * share the work) and drop expired messages. Woken early by NOTIFY when a nearer timer is created.
 */
export function startBackgroundWork(ctx: EngineContext, logger: Logger): { stop(): Promise<void> } {
  let stopped = false;
  let wake: (() => void) | undefined;
  const unlisten = ctx.notifier.on('engine_timers', () => wake?.());

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      wake = done;
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
    });

  const timerLoop = (async () => {
    while (!stopped) {
      try {
        const due = await claimDueTimers(ctx, batch);
        // All at once: the command batcher groups them into a few transactions.
        await Promise.all(
          due.map((timer) =>
            fireTimer(ctx, timer).catch((error: unknown) =>
              logger.error({ err: error, timerKey: String(timer.key) }, 'timer failed to fire'),
            ),
          ),
        );
        // More are due (after a restart, perhaps thousands): let waiting requests in before the next batch.
        if (due.length === batch) {
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        const next = await nextDue(ctx);
        const wait = next
          ? Math.max(0, Math.min(maxSleepMs, next.getTime() - ctx.now().getTime()))
          : maxSleepMs;
        if (wait > 0 && !stopped) await sleep(wait);
      } catch (error) {
        if (!stopped) logger.error({ err: error }, 'timer loop error');
        await sleep(maxSleepMs);
      }
    }
  })();

  const cleanup = setInterval(() => {
    deleteExpiredMessages(ctx).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not delete expired messages'),
    );
  }, 60_000);
  cleanup.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(cleanup);
      unlisten();
      wake?.();
      await timerLoop;
    },
  };
}
