import { incidentFlagUpdate } from '../store/apply-effects.js';
import { EngineError } from '../engine-error.js';
import type { EngineContext } from '../types.js';
import { inTransaction } from './executor.js';
import { keyOf } from '../store/rows.js';

/**
 * Resolving retries what failed: a job incident makes the job activatable again (its retries must
 * have been raised first); any other incident re-runs the failed step of its element.
 */
export async function resolveIncident(ctx: EngineContext, incidentKey: string): Promise<void> {
  const found = await ctx.db('incidents').where({ key: incidentKey }).first();
  if (!found || found.state !== 'ACTIVE') {
    throw new EngineError(
      'NOT_FOUND',
      `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
    );
  }
  await inTransaction(ctx, async (session) => {
    const { trx } = session;
    const instanceKey = keyOf(found.process_instance_key);
    await session.snapshot(instanceKey);
    const updated = await trx('incidents')
      .where({ key: incidentKey, state: 'ACTIVE' })
      .update({ state: 'RESOLVED' });
    if (updated === 0) throw new EngineError('NOT_FOUND', `Incident '${incidentKey}' is already resolved`);
    const elementInstanceKey = keyOf(found.element_instance_key);
    const history = [
      {
        processInstanceKey: instanceKey,
        elementInstanceKey,
        event: 'INCIDENT_RESOLVED',
        data: { incidentKey },
      },
    ];
    if (found.job_key) {
      const job = await trx('jobs').where({ key: found.job_key }).forUpdate().first('retries', 'type');
      if (!job || job.retries < 1) {
        throw new EngineError(
          'INVALID_STATE',
          `Expected to resolve incident '${incidentKey}' of job '${keyOf(found.job_key)}', but the job has no retries left; update its retries first`,
        );
      }
      await trx('jobs')
        .where({ key: found.job_key })
        .update({ state: 'CREATED', available_at: session.now, worker: null, deadline: null });
      ctx.notifier.afterCommit(trx, 'engine_jobs', job.type as string);
      await session.run(
        instanceKey,
        { type: 'resolve-incident', elementInstanceKey, jobIncident: true },
        history,
      );
    } else {
      await session.run(instanceKey, { type: 'resolve-incident', elementInstanceKey }, history);
    }
    await incidentFlagUpdate(trx, instanceKey);
  });
}
