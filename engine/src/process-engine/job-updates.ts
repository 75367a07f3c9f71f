import { EngineError, type EngineContext } from './engine-context.js';
import { writeHistory, type HistoryEntry } from './history.js';
import { keyOf } from './rows.js';

export interface JobChanges {
  retries?: number;
  /** A new lease for an activated job: it ends this many milliseconds from now (Camunda's `timeout`). */
  timeout?: number;
}

const closedStates = ['COMPLETED', 'CANCELED', 'ERROR_THROWN'];

/**
 * Changes a job's retries and/or the lease of an activated job, in one transaction: all or nothing.
 * Camunda's answers: an unknown or finished job is NOT_FOUND; a new timeout for a job that is not
 * activated is INVALID_STATE.
 */
export async function updateJob(ctx: EngineContext, jobKey: string, changes: JobChanges): Promise<void> {
  const { retries, timeout } = changes;
  if (retries === undefined && timeout === undefined) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      'The changeset changes nothing: give the new retries or timeout',
    );
  }
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 1)) {
    throw new EngineError('INVALID_ARGUMENT', 'retries must be a positive whole number');
  }
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 0)) {
    throw new EngineError('INVALID_ARGUMENT', 'timeout must be a whole number of milliseconds, not negative');
  }
  await ctx.db.transaction(async (trx) => {
    const job = await trx('jobs')
      .where({ key: jobKey })
      .forUpdate()
      .first('state', 'process_instance_key', 'element_instance_key', 'element_id');
    if (!job || closedStates.includes(job.state as string)) {
      const what = timeout === undefined ? 'retries' : 'the timeout';
      throw new EngineError(
        'NOT_FOUND',
        `Expected to update ${what} of job with key '${jobKey}', but no such job was found`,
      );
    }
    if (timeout !== undefined && job.state !== 'ACTIVATED') {
      throw new EngineError(
        'INVALID_STATE',
        `Expected to update the timeout of job with key '${jobKey}', but it is not active`,
      );
    }
    const now = ctx.now();
    await trx('jobs')
      .where({ key: jobKey })
      .update({
        ...(retries !== undefined ? { retries } : {}),
        ...(timeout !== undefined ? { deadline: new Date(now.getTime() + timeout) } : {}),
      });
    const entry = (event: string, data: Record<string, unknown>): HistoryEntry => ({
      processInstanceKey: keyOf(job.process_instance_key),
      elementInstanceKey: keyOf(job.element_instance_key),
      elementId: job.element_id as string,
      event,
      data: { jobKey, ...data },
    });
    const history: HistoryEntry[] = [];
    if (retries !== undefined) history.push(entry('JOB_RETRIES_UPDATED', { retries }));
    if (timeout !== undefined) history.push(entry('JOB_TIMEOUT_UPDATED', { timeout }));
    await writeHistory(trx, history, now);
  });
}

export function updateJobRetries(ctx: EngineContext, jobKey: string, retries: number): Promise<void> {
  return updateJob(ctx, jobKey, { retries });
}
