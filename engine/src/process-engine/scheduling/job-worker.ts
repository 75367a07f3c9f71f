import type { Logger } from '../../infra/logging/logger.js';
import type { ActivatedJob, ActivateJobsRequest } from './job-activation.js';

/** What a worker needs of the engine (ProcessEngine has it; declared here so nothing imports the façade). */
export interface JobWorkerEngine {
  activateJobs(request: ActivateJobsRequest): Promise<ActivatedJob[]>;
  completeJob(jobKey: string, variables?: Record<string, unknown>): Promise<void>;
  failJob(
    jobKey: string,
    failure: { retries: number; errorMessage?: string; retryBackOff?: number },
  ): Promise<void>;
}

export type JobHandler = (job: ActivatedJob) => Promise<Record<string, unknown> | void>;

/**
 * An in-process job worker: long-polls for jobs of one type and completes each with what the handler
 * returns. A handler that throws fails the job (one retry fewer, 5 s back-off), which ends in an
 * incident when no retries are left — the same contract as an external worker.
 */
export function startJobWorker(
  engine: JobWorkerEngine,
  type: string,
  handler: JobHandler,
  logger: Logger,
  options: { maxJobs?: number; timeoutMs?: number } = {},
): { stop(): Promise<void> } {
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const jobs = await engine.activateJobs({
          type,
          worker: `tramit:${type}`,
          maxJobsToActivate: options.maxJobs ?? 16,
          timeout: options.timeoutMs ?? 60_000,
          requestTimeout: 1_000,
        });
        await Promise.all(
          jobs.map(async (job) => {
            try {
              await engine.completeJob(job.jobKey, (await handler(job)) ?? {});
            } catch (error) {
              logger.warn({ err: error, jobKey: job.jobKey, type }, 'job handler failed');
              await engine
                .failJob(job.jobKey, {
                  retries: job.retries - 1,
                  errorMessage: (error as Error).message,
                  retryBackOff: 5_000,
                })
                .catch(() => undefined);
            }
          }),
        );
      } catch (error) {
        if (stopped) break;
        logger.error({ err: error, type }, 'job worker loop error');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
    },
  };
}
