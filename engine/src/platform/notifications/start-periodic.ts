import type { Logger } from '../../infra/logging/logger.js';

/**
 * Runs `task` every `intervalMs`, never two at once (a tick while one runs is skipped); a failure
 * is logged as `what`. `stop()` waits for the running one.
 */
export function startPeriodic(
  intervalMs: number,
  task: () => Promise<unknown>,
  logger: Logger,
  what: string,
): { stop(): Promise<void> } {
  let current: Promise<void> | undefined;
  const timer = setInterval(() => {
    current ??= task()
      .then(() => undefined)
      .catch((error: unknown) => logger.warn({ err: error }, `${what} failed`))
      .finally(() => {
        current = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
