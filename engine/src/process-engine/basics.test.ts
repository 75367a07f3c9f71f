import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, waitUntil, type EngineHarness } from '../../test/engine-harness.js';

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness();
  await h.deployFixture('one-task', 'case-like', 'script-and-incident');
});
afterAll(() => h.close());

describe('running processes', () => {
  it('runs start → service task → end, and keeps the history of every step', async () => {
    // given
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'one-task',
      variables: { caseId: 'C-1' },
    });
    expect(await h.activeElements(processInstanceKey)).toEqual(['one-task', 'work']);
    // when
    const [job] = await h.jobs('work');
    expect(job).toMatchObject({
      processInstanceKey,
      elementId: 'work',
      variables: { caseId: 'C-1' },
      retries: 3,
    });
    await h.engine.completeJob(job!.jobKey, { done: true });
    // then
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await h.rootVariables(processInstanceKey)).toEqual({ caseId: 'C-1', done: true });
    const events = await h
      .db('history')
      .where({ process_instance_key: processInstanceKey })
      .orderBy('id')
      .pluck('event');
    expect(events).toEqual([
      'PROCESS_INSTANCE_CREATED',
      'ELEMENT_ACTIVATED', // process
      'VARIABLE_SET',
      'ELEMENT_ACTIVATED', // start
      'ELEMENT_COMPLETED',
      'ELEMENT_ACTIVATED', // work
      'JOB_CREATED',
      'JOB_COMPLETED',
      'VARIABLE_SET',
      'ELEMENT_COMPLETED', // work
      'ELEMENT_ACTIVATED', // end
      'ELEMENT_COMPLETED',
      'ELEMENT_COMPLETED', // process
      'PROCESS_INSTANCE_COMPLETED',
    ]);
  });

  it('routes by an exclusive gateway to a user task with evaluated candidate groups and output mappings', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'case-like',
      variables: { zone: 'north' },
    });
    const [job] = await h.jobs('classify');
    expect(job!.customHeaders).toEqual({ model: 'v1' });
    await h.engine.completeJob(job!.jobKey, { priority: 'high' });
    const [task] = await h.openUserTasks(processInstanceKey);
    expect(task).toMatchObject({ element_id: 'review', candidate_groups: ['back-office', 'north'] });
    await h.engine.completeUserTask(task!.key, { approved: true });
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    const variables = await h.rootVariables(processInstanceKey);
    expect(variables.decision).toEqual({ approved: true });
    expect(variables).not.toHaveProperty('approved');
  });

  it('takes the default flow when no condition holds', async () => {
    const { processInstanceKey } = await h.engine.createInstance({
      bpmnProcessId: 'case-like',
      variables: { zone: 'south' },
    });
    await h.completeOne('classify', { priority: 'low' });
    expect(await h.instanceState(processInstanceKey)).toBe('COMPLETED');
    expect(await h.openUserTasks(processInstanceKey)).toEqual([]);
  });

  it('evaluates script tasks, and raises an incident when no gateway flow matches', async () => {
    const small = await h.engine.createInstance({
      bpmnProcessId: 'script-and-incident',
      variables: { amount: 10 },
    });
    expect(await h.instanceState(small.processInstanceKey)).toBe('COMPLETED');
    expect((await h.rootVariables(small.processInstanceKey)).total).toBeCloseTo(12.1);

    const middle = await h.engine.createInstance({
      bpmnProcessId: 'script-and-incident',
      variables: { amount: 500 },
    });
    const incidents = await h.db('incidents').where({ process_instance_key: middle.processInstanceKey });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      error_type: 'CONDITION_ERROR',
      element_id: 'route',
      state: 'ACTIVE',
    });
    expect(
      (await h.db('process_instances').where({ key: middle.processInstanceKey }).first()).has_incident,
    ).toBe(true);
    expect(await h.activeElements(middle.processInstanceKey)).toEqual(['script-and-incident', 'route']);
  });

  it('keeps a running instance on the version it started with; identical content makes no new version', async () => {
    const v1 = await h.engine.deploy([{ name: 'v.bpmn', content: versioned('first') }]);
    const again = await h.engine.deploy([{ name: 'v.bpmn', content: versioned('first') }]);
    expect(again.processes[0]!.version).toBe(v1.processes[0]!.version);
    const running = await h.engine.createInstance({ bpmnProcessId: 'versioned' });
    const v2 = await h.engine.deploy([{ name: 'v.bpmn', content: versioned('second') }]);
    expect(v2.processes[0]!.version).toBe(v1.processes[0]!.version + 1);
    const [job] = await h.jobs('first');
    expect(job!.processInstanceKey).toBe(running.processInstanceKey);
    expect(job!.processDefinitionVersion).toBe(v1.processes[0]!.version);
    await h.engine.completeJob(job!.jobKey);
    expect(await h.instanceState(running.processInstanceKey)).toBe('COMPLETED');
    const fresh = await h.engine.createInstance({ bpmnProcessId: 'versioned' });
    expect(fresh.version).toBe(v2.processes[0]!.version);
    await waitUntil(async () => (await h.jobs('second', 500)).length === 1);
  });

  it('cancels an instance: its jobs and timers go, it never moves again', async () => {
    const { processInstanceKey } = await h.engine.createInstance({ bpmnProcessId: 'one-task' });
    await h.engine.cancelInstance(processInstanceKey);
    expect(await h.instanceState(processInstanceKey)).toBe('TERMINATED');
    const jobs = await h.db('jobs').where({ process_instance_key: processInstanceKey });
    expect(jobs.map((j) => j.state)).toEqual(['CANCELED']);
    await expect(h.engine.cancelInstance(processInstanceKey)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

function versioned(taskType: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="versioned" isExecutable="true">
    <bpmn:startEvent id="s" /><bpmn:sequenceFlow id="a" sourceRef="s" targetRef="t" />
    <bpmn:serviceTask id="t"><bpmn:extensionElements><zeebe:taskDefinition type="${taskType}" /></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:sequenceFlow id="b" sourceRef="t" targetRef="e" /><bpmn:endEvent id="e" />
  </bpmn:process>
</bpmn:definitions>`;
}
