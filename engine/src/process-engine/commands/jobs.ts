import { updateByKeyWrite } from '../../infra/db/merge-writes.js';
import type { SqlRow } from '../../infra/db/sql-literal.js';
import { EngineError } from '../engine-error.js';
import { writeHistory } from '../store/history.js';
import { json, keyOf } from '../store/rows.js';
import type { JobJson } from '../store/snapshot.js';
import type { CommandSession, EngineContext } from '../types.js';

const openStates = ['CREATED', 'ACTIVATED', 'FAILED'];

/**
 * Locks the job's instance (the same order as every other command), checks the job is still open,
 * and queues its change to go with the command's writes. As Camunda answers: a job that is gone
 * (completed, canceled, or unknown) is NOT_FOUND; one that stays behind an incident (no retries
 * left, or an error nobody caught) is INVALID_STATE.
 */
async function takeJob(
  session: CommandSession,
  jobKey: string,
  action: string,
  changes: SqlRow,
): Promise<JobJson> {
  const loaded = await session.snapshotForJob(jobKey);
  if (!loaded)
    throw new EngineError(
      'NOT_FOUND',
      `Expected to ${action} job with key '${jobKey}', but no such job was found`,
    );
  if (!openStates.includes(loaded.job.state)) {
    const stuck = await session.trx('incidents').where({ job_key: jobKey, state: 'ACTIVE' }).first('key');
    throw new EngineError(
      stuck ? 'INVALID_STATE' : 'NOT_FOUND',
      stuck
        ? `Expected to ${action} job with key '${jobKey}', but it is in state '${loaded.job.state === 'NO_RETRIES' ? 'FAILED' : loaded.job.state}' with an incident`
        : `Expected to ${action} job with key '${jobKey}', but no such job was found`,
    );
  }
  session.defer(updateByKeyWrite('jobs', jobKey, changes));
  return loaded.job;
}

export async function completeJob(
  ctx: EngineContext,
  jobKey: string,
  variables: Record<string, unknown> = {},
): Promise<void> {
  await ctx.commands.submit({ jobKey }, async (session) => {
    const job = await takeJob(session, jobKey, 'complete', { state: 'COMPLETED', deadline: null });
    const instanceKey = keyOf(job.process_instance_key);
    await session.run(
      instanceKey,
      { type: 'complete-job', elementInstanceKey: keyOf(job.element_instance_key), variables },
      [
        {
          processInstanceKey: instanceKey,
          elementInstanceKey: keyOf(job.element_instance_key),
          event: 'JOB_COMPLETED',
          data: { jobKey },
        },
      ],
    );
  });
}

export async function failJob(
  ctx: EngineContext,
  jobKey: string,
  failure: {
    retries: number;
    errorMessage?: string;
    retryBackOff?: number;
    variables?: Record<string, unknown>;
  },
): Promise<void> {
  await ctx.commands.submit({ jobKey }, async (session) => {
    const retries = Math.max(0, failure.retries);
    const job = await takeJob(session, jobKey, 'fail', {
      state: retries > 0 ? 'FAILED' : 'NO_RETRIES',
      retries,
      deadline: null,
      worker: null,
      error_message: failure.errorMessage ?? null,
      available_at: new Date(session.now.getTime() + (failure.retryBackOff ?? 0)),
    });
    const instanceKey = keyOf(job.process_instance_key);
    const elementInstanceKey = keyOf(job.element_instance_key);
    // Camunda keeps a failing job's variables local to its task.
    const local = Object.entries(failure.variables ?? {});
    if (local.length > 0) {
      const keys = ctx.keys.source();
      session.defer(
        session
          .trx('variables')
          .insert(
            local.map(([name, value]) => ({
              key: keys.next(),
              scope_key: elementInstanceKey,
              name,
              process_instance_key: instanceKey,
              value: json(value),
              updated_at: session.now,
            })),
          )
          .onConflict(['scope_key', 'name'])
          .merge(['value', 'updated_at']),
      );
    }
    const history = [
      {
        processInstanceKey: instanceKey,
        elementInstanceKey,
        event: 'JOB_FAILED',
        data: { jobKey, retries, errorMessage: failure.errorMessage ?? null },
      },
    ];
    if (retries > 0) {
      await session.flush();
      await writeHistory(session.trx, history, session.now);
      ctx.notifier.afterCommit(session.trx, 'engine_jobs', job.type);
      return;
    }
    await session.run(
      instanceKey,
      {
        type: 'job-incident',
        elementInstanceKey,
        jobKey,
        errorMessage: failure.errorMessage || 'No more retries left.',
      },
      history,
    );
  });
}

export async function throwJobError(
  ctx: EngineContext,
  jobKey: string,
  error: { errorCode: string; errorMessage?: string; variables?: Record<string, unknown> },
): Promise<void> {
  await ctx.commands.submit({ jobKey }, async (session) => {
    const job = await takeJob(session, jobKey, 'throw an error for', {
      state: 'ERROR_THROWN',
      deadline: null,
      error_message: error.errorMessage ?? null,
    });
    const instanceKey = keyOf(job.process_instance_key);
    const elementInstanceKey = keyOf(job.element_instance_key);
    await session.run(
      instanceKey,
      {
        type: 'throw-error',
        elementInstanceKey,
        errorCode: error.errorCode,
        errorMessage: error.errorMessage ?? '',
        variables: error.variables ?? {},
      },
      [
        {
          processInstanceKey: instanceKey,
          elementInstanceKey,
          event: 'JOB_ERROR_THROWN',
          data: { jobKey, errorCode: error.errorCode },
        },
      ],
    );
  });
}
