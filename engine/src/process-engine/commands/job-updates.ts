import { updateByKeyWrite } from '../../infra/db/merge-writes.js';
import { EngineError } from '../engine-error.js';
import { writeHistory, type HistoryEntry } from '../store/history.js';
import { keyOf } from '../store/rows.js';
import type { EngineContext } from '../types.js';

export interface JobChanges {
  retries?: number;
  /** A new lease for an activated job: it ends this many milliseconds from now (Camunda's `timeout`). */
  timeout?: number;
}

const closedStates = ['COMPLETED', 'CANCELED', 'ERROR_THROWN'];

function checkChanges({ retries, timeout }: JobChanges): void {
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
}

/**
 * Changes a job's retries and/or the lease of an activated job: a command like completing or failing
 * it, so it goes through the batcher and locks the job's instance first (the same order as every
 * other command) — a concurrent completion or failure runs wholly before or wholly after it. All or
 * nothing. Camunda's answers: an unknown or finished job is NOT_FOUND; a new timeout for a job that
 * is not activated is INVALID_STATE.
 */
export async function updateJob(ctx: EngineContext, jobKey: string, changes: JobChanges): Promise<void> {
  checkChanges(changes);
  const { retries, timeout } = changes;
  await ctx.commands.submit({ jobKey }, async (session) => {
    const loaded = await session.snapshotForJob(jobKey);
    const job = loaded?.job;
    if (!job || closedStates.includes(job.state)) {
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
    const { now, trx } = session;
    session.defer(
      updateByKeyWrite('jobs', jobKey, {
        ...(retries !== undefined ? { retries } : {}),
        ...(timeout !== undefined ? { deadline: new Date(now.getTime() + timeout) } : {}),
      }),
    );
    // The session may hand this job to a later command of its batch: as it is now.
    if (retries !== undefined) job.retries = retries;
    const elementInstanceKey = keyOf(job.element_instance_key);
    const elementId =
      loaded.snapshot.elements.get(elementInstanceKey)?.elementId ??
      ((await trx('jobs').where({ key: jobKey }).first('element_id')) as { element_id: string }).element_id;
    const entry = (event: string, data: Record<string, unknown>): HistoryEntry => ({
      processInstanceKey: keyOf(job.process_instance_key),
      elementInstanceKey,
      elementId,
      event,
      data: { jobKey, ...data },
    });
    const history: HistoryEntry[] = [];
    if (retries !== undefined) history.push(entry('JOB_RETRIES_UPDATED', { retries }));
    if (timeout !== undefined) history.push(entry('JOB_TIMEOUT_UPDATED', { timeout }));
    await session.flush();
    await writeHistory(trx, history, now);
  });
}
