import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../test/engine-harness.js';

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness();
  await h.deployFixture('errors', 'one-task', 'case-like');
});
afterAll(() => h.close());

const endsOf = async (h: EngineHarness, key: string) =>
  (await h.db('element_instances').where({ process_instance_key: key, element_type: 'END_EVENT' })).map(
    (e) => e.element_id,
  );

describe('BPMN errors', () => {
  it('an error thrown by a job worker is caught by the boundary event with its code', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'errors' });
    const [job] = await h.jobs('lookup');
    await h.engine.throwJobError(job!.jobKey, { errorCode: 'NOT_FOUND', errorMessage: 'no such address' });
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await endsOf(h, processInstanceKey)).toEqual(['not-found-end']);
  });

  it('an error end event in a sub-process is caught by a catch-all boundary event on it', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'errors',
      variables: { bad: true },
    });
    await h.completeOne('lookup');
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await endsOf(h, processInstanceKey)).toEqual(['throw-bad', 'bad-end']);
  });

  it('an error nobody catches is an incident', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'errors' });
    const [job] = await h.jobs('lookup');
    await h.engine.throwJobError(job!.jobKey, { errorCode: 'UNKNOWN_CODE' });
    const [incident] = await h.db('incidents').where({ process_instance_key: processInstanceKey });
    expect(incident).toMatchObject({
      error_type: 'UNHANDLED_ERROR_EVENT',
      element_id: 'lookup',
      state: 'ACTIVE',
    });
    expect(incident.error_message).toContain('UNKNOWN_CODE');
  });
});

describe('job failures and incidents', () => {
  it('retries with back-off, then raises an incident; resolving it (after new retries) lets the job run again', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'one-task' });
    const [job] = await h.jobs('work');
    await h.engine.failJob(job!.jobKey, { retries: 1, errorMessage: 'billing down', retryBackOff: 300 });
    expect(await h.jobs('work', 0)).toHaveLength(0); // backing off
    const [again] = await h.jobs('work', 2_000);
    expect(again!.jobKey).toBe(job!.jobKey);
    expect(again!.retries).toBe(1);

    await h.engine.failJob(job!.jobKey, { retries: 0, errorMessage: 'billing still down' });
    const [incident] = await h
      .db('incidents')
      .where({ process_instance_key: processInstanceKey, state: 'ACTIVE' });
    expect(incident).toMatchObject({ error_type: 'JOB_NO_RETRIES', error_message: 'billing still down' });
    expect(await h.jobs('work', 0)).toHaveLength(0);

    await expect(h.engine.resolveIncident(String(incident.key))).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await h.engine.updateJobRetries(job!.jobKey, 2);
    await h.engine.resolveIncident(String(incident.key));
    expect((await h.db('process_instances').where({ key: processInstanceKey }).first()).has_incident).toBe(
      false,
    );
    await h.completeOne('work');
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('completes a job at most once: the second completion is refused', async () => {
    await h.engine.createInstance({ bpmnProcessId: 'one-task' });
    const [job] = await h.jobs('work');
    await h.engine.completeJob(job!.jobKey);
    await expect(h.engine.completeJob(job!.jobKey)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.engine.completeJob('2251799813699999999')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('twenty concurrent completions of one user task: exactly one wins, the others get a conflict', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'case-like',
      variables: { zone: 'x' },
    });
    await h.completeOne('classify', { priority: 'high' });
    const [task] = await h.openUserTasks(processInstanceKey);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => h.engine.completeUserTask(task!.key, { approved: i % 2 === 0 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failures.every((f) => (f.reason as { code: string }).code === 'INVALID_STATE')).toBe(true);
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    const completions = await h
      .db('history')
      .where({ process_instance_key: processInstanceKey, event: 'USER_TASK_COMPLETED' });
    expect(completions).toHaveLength(1);
  });
});
