import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, type EngineHarness } from '../../test/engine-harness.js';

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness();
  await h.deployFixture('call-parent', 'multi-instance');
});
afterAll(() => h.close());

describe('call activities', () => {
  it('starts the child with the parent variables and passes the child result back', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'call-parent',
      variables: { caseId: 'P-1' },
    });
    const child = await h
      .db('process_instances')
      .where({ parent_process_instance_key: processInstanceKey })
      .first();
    expect(child).toMatchObject({ bpmn_process_id: 'call-child', state: 'ACTIVE' });
    expect(String(child.root_process_instance_key)).toBe(processInstanceKey);
    const [job] = await h.jobs('child-work');
    expect(job!.variables).toEqual({ caseId: 'P-1' });
    await h.engine.completeJob(job!.jobKey, { result: 'ok' });
    expect(await h.instanceState(String(child.key))).toBe('COMPLETED');
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await h.rootVariables(processInstanceKey)).toEqual({ caseId: 'P-1', result: 'ok' });
  });

  it('cancelling the parent terminates the child; a child cannot be cancelled on its own', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'call-parent' });
    const child = await h
      .db('process_instances')
      .where({ parent_process_instance_key: processInstanceKey })
      .first();
    await expect(h.engine.cancelInstance(String(child.key))).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await h.engine.cancelInstance(processInstanceKey);
    expect(await h.instanceState(String(child.key))).toBe('TERMINATED');
  });
});

describe('multi-instance', () => {
  it('runs parallel inner instances, collects their output in order, then a sequential loop over it', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'multi-instance',
      variables: { recipients: ['ana', 'joan', 'pau'] },
    });
    const jobs = await h.jobs('notify', 2_000, 10);
    expect(jobs.map((j) => j.variables.recipient).sort()).toEqual(['ana', 'joan', 'pau']);
    // Complete out of order: the output collection still follows the input order.
    for (const job of [...jobs].reverse()) {
      await h.engine.completeJob(job.jobKey, { receipt: `sent-to-${String(job.variables.recipient)}` });
    }
    expect((await h.rootVariables(processInstanceKey)).receipts).toEqual([
      'sent-to-ana',
      'sent-to-joan',
      'sent-to-pau',
    ]);

    const seen: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      const batch = await h.jobs('archive', 2_000, 10);
      expect(batch).toHaveLength(1); // sequential: one at a time
      seen.push(batch[0]!.variables.r);
      await h.engine.completeJob(batch[0]!.jobKey);
    }
    expect(seen).toEqual(['sent-to-ana', 'sent-to-joan', 'sent-to-pau']);
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
  });

  it('an empty collection completes at once; a collection that is not a list is an incident', async () => {
    const empty = await h.engine.createInstance({
      bpmnProcessId: 'multi-instance',
      variables: { recipients: [] },
    });
    expect(await h.instanceState(empty.processInstanceKey)).toBe('COMPLETED');
    expect((await h.rootVariables(empty.processInstanceKey)).receipts).toEqual([]);
    const wrong = await h.engine.createInstance({
      bpmnProcessId: 'multi-instance',
      variables: { recipients: 'ana' },
    });
    const [incident] = await h.db('incidents').where({ process_instance_key: wrong.processInstanceKey });
    expect(incident).toMatchObject({ error_type: 'EXTRACT_VALUE_ERROR', element_id: 'notify' });
  });
});
